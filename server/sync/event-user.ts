import type { Transaction } from 'kysely';
import type { FloorEventKind } from '../../shared/contract/floor-events';
import { rolesInArea, type Role, type WorkArea } from '../../shared/domain/roles';
import { Refusal } from '../services/refusal';
import type { HubDatabase } from '../storage/schema';

/**
 * Who may do each kind of floor event: the roles whose menu has the screen that records it (shared/domain/roles.ts).
 * The hub checks again because a station's word is not proof: a station running old or altered code, or a forged
 * push, must not move stock in the name of someone who may not.
 */
const areaOfEvent: { readonly [K in FloorEventKind]: WorkArea } = {
  'bundle.arrived': 'receiving',
  'inspection.counted': 'inspection',
  'inspection.found': 'inspection',
  'inspection.finished': 'inspection',
  'sku.located': 'putaway',
  'stock.counted': 'stock-count',
  'stock.adjusted': 'stock-count',
  'order.picked': 'picking',
  'order.packed': 'packing',
  'order.shipped': 'packing',
  'label.voided': 'packing',
};

const floorEventRoles = Object.fromEntries(Object.entries(areaOfEvent).map(([kind, area]) => [kind, rolesInArea(area)])) as {
  readonly [K in FloorEventKind]: readonly Role[];
};

/**
 * Refuses an event whose user does not exist, is disabled, or has a role that may not do this kind of event.
 * Users have no branch in the hub's schema (every user works in every branch), so there is no branch to check.
 * Read in the event's own transaction: a user disabled before the event is applied cannot slip through.
 */
export async function checkEventUser(trx: Transaction<HubDatabase>, kind: FloorEventKind, userId: string | null): Promise<void> {
  if (userId === null) throw new Refusal('event-user-missing', { kind });
  const user = await trx.selectFrom('users').select(['id', 'name', 'role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw new Refusal('event-user-unknown', { kind, userId });
  if (user.disabled_at !== null) throw new Refusal('event-user-disabled', { kind, name: user.name });
  if (!(floorEventRoles[kind] as readonly string[]).includes(user.role)) throw new Refusal('event-user-role', { kind, name: user.name, role: user.role });
}

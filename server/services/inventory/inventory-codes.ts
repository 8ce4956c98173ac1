import type { Kysely, Transaction } from 'kysely';
import type { InventoryCode, OptionCode } from '../../../shared/domain/identifiers';
import { isUniqueViolation } from '../../storage/constraint-errors';
import type { HubDatabase } from '../../storage/schema';
import { refuse } from '../refusal';

/** Q-inventory codes (12 digits from 300000000001) and option codes (5 digits per item), handed out in order. */

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

const firstInventoryCode = 300_000_000_001;
const lastInventoryCode = 399_999_999_999;
const lastOptionCode = 99_999;

export async function nextInventoryCode(db: Db): Promise<InventoryCode> {
  // Codes are 12 digits, so text order is number order and max() finds the highest.
  const { highest } = await db
    .selectFrom('inventory_items')
    .select((eb) => eb.fn.max('code').as('highest'))
    .executeTakeFirstOrThrow();
  const next = highest ? Number(highest) + 1 : firstInventoryCode;
  if (next > lastInventoryCode) throw refuse('inventory-codes-exhausted');
  return String(next) as InventoryCode;
}

export async function nextOptionCode(db: Db, inventoryCode: string): Promise<OptionCode> {
  const { highest } = await db
    .selectFrom('inventory_options')
    .select((eb) => eb.fn.max('option_code').as('highest'))
    .where('inventory_code', '=', inventoryCode)
    .executeTakeFirstOrThrow();
  const next = highest ? Number(highest) + 1 : 1;
  if (next > lastOptionCode) throw refuse('option-codes-exhausted', { code: inventoryCode });
  return String(next).padStart(5, '0') as OptionCode;
}

/**
 * Runs `attempt` again when a generated code collided with one another request took meanwhile (the loser's insert
 * fails on the primary key and its transaction rolls back whole). A code the caller chose is never retried.
 */
export async function withFreshCode<T>(generated: boolean, attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!generated || tries >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

export function rethrowUnique(what: string, id: string | undefined) {
  return (error: unknown): never => {
    // Only a code the caller chose can get here as a unique violation: two requests took it at the same moment.
    if (isUniqueViolation(error) && id) throw refuse('duplicate', { what, id });
    throw error;
  };
}

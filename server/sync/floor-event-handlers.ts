import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { floorEventPayloads, type FloorEventKind } from '../../shared/contract/floor-events';
import { notFound } from '../api/hub-error';
import { postMovement } from '../services/stock-ledger';
import type { HubDatabase } from '../storage/schema';

export interface EventContext {
  trx: Transaction<HubDatabase>;
  stationId: string;
  branchCode: string;
  eventId: string;
  now: Date;
}

type Handlers = { [K in FloorEventKind]: (payload: z.output<(typeof floorEventPayloads)[K]>, context: EventContext) => Promise<void> };

/** What each floor event does to the hub's records; a HubError thrown here rejects the event with its code. */
export const floorEventHandlers: Handlers = {
  'stock.adjusted': async (payload, { trx, branchCode, eventId, now }) => {
    const option = await trx.selectFrom('inventory_options').select('sku').where('sku', '=', payload.sku).executeTakeFirst();
    if (!option) throw notFound('SKU', payload.sku);
    await postMovement(trx, { sku: payload.sku, branchCode, kind: 'adjustment', quantity: payload.quantity, reference: payload.reason, stationEventId: eventId }, now);
  },
};

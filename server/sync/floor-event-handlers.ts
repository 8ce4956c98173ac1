import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { floorEventPayloads, type FloorEventKind } from '../../shared/contract/floor-events';
import { notFound, type HubError } from '../api/hub-error';
import { arriveBundle } from '../services/inbound';
import { postMovement } from '../services/stock-ledger';
import type { HubDatabase } from '../storage/schema';
import { countUnits, finishInspection, recordFinding } from './inspection-events';

export interface EventContext {
  trx: Transaction<HubDatabase>;
  stationId: string;
  branchCode: string;
  eventId: string;
  now: Date;
}

/**
 * A refusal that keeps the handler's writes: the event is answered as rejected, yet what was written commits with
 * its receipt. A bundle held for its fees is one: the station must hear "insufficient balance", and the hold must
 * stay for the supervisor and the seller to see.
 */
export interface RefusalKeepingWrites {
  refusal: HubError;
}

/** Nothing (applied), or a refusal whose writes stand; a thrown HubError instead rejects and undoes everything. */
export type HandlerOutcome = void | RefusalKeepingWrites;

export type FloorEventHandler<K extends FloorEventKind> = (payload: z.output<(typeof floorEventPayloads)[K]>, context: EventContext) => Promise<HandlerOutcome>;

type Handlers = { [K in FloorEventKind]: FloorEventHandler<K> };

/** What each floor event does to the hub's records; a HubError thrown here rejects the event with its code. */
export const floorEventHandlers: Handlers = {
  'bundle.arrived': async (payload, { trx, branchCode, now }) => {
    // A station receives only for its own branch: another branch's bundle is answered as unknown.
    await arriveBundle(trx, payload.bundleId, { onlySeller: null, onlyBranch: branchCode }, { boxesReceived: payload.boxesReceived }, now);
  },
  'inspection.counted': countUnits,
  'inspection.found': recordFinding,
  'inspection.finished': finishInspection,
  'stock.adjusted': async (payload, { trx, branchCode, eventId, now }) => {
    const option = await trx.selectFrom('inventory_options').select('sku').where('sku', '=', payload.sku).executeTakeFirst();
    if (!option) throw notFound('SKU', payload.sku);
    await postMovement(trx, { sku: payload.sku, branchCode, kind: 'adjustment', quantity: payload.quantity, reference: payload.reason, stationEventId: eventId }, now);
  },
};

import type { FloorEventKind } from '../../shared/contract/floor-events';
import { notFound } from '../services/refusal';
import { arriveBundle } from '../services/inbound';
import { postMovement } from '../services/stock-ledger';
import type { FloorEventHandler } from './event-context';
import { countUnits, finishInspection, recordFinding } from './inspection-events';
import { packOrder, pickOrder, shipOrder, voidLabel } from './packing-events';
import { locateSku } from './putaway-events';
import { countStock } from './stock-count-events';

export type { EventContext, HandlerOutcome } from './event-context';

type Handlers = { [K in FloorEventKind]: FloorEventHandler<K> };

/** What each floor event does to the hub's records; a Refusal thrown here rejects the event with its code. */
export const floorEventHandlers: Handlers = {
  'bundle.arrived': async (payload, { trx, branchCode, occurredAt, now }) => {
    // A station receives only for its own branch: another branch's bundle is answered as unknown.
    await arriveBundle(
      trx,
      payload.bundleId,
      { onlySeller: null, onlyBranch: branchCode },
      { boxesReceived: payload.boxesReceived, arrivedAt: occurredAt },
      now,
    );
  },
  'inspection.counted': countUnits,
  'inspection.found': recordFinding,
  'inspection.finished': finishInspection,
  'stock.counted': countStock,
  'stock.adjusted': async (payload, { trx, branchCode, eventId, occurredAt, now }) => {
    const option = await trx.selectFrom('inventory_options').select('sku').where('sku', '=', payload.sku).executeTakeFirst();
    if (!option) throw notFound('SKU', payload.sku);
    await postMovement(
      trx,
      { sku: payload.sku, branchCode, kind: 'adjustment', quantity: payload.quantity, reference: payload.reason, stationEventId: eventId, occurredAt },
      now,
    );
  },
  'order.picked': pickOrder,
  'order.packed': packOrder,
  'order.shipped': shipOrder,
  'label.voided': voidLabel,
  'sku.located': locateSku,
};

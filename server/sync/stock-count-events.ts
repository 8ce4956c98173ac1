import { applyStockCount } from '../services/inventory/stock-counts';
import { secondBadgeAbove } from '../services/inventory/stock-count-settings';
import type { FloorEventHandler } from './event-context';

/**
 * A cycle count (棚卸) on the floor, possibly counted with the hub away: applied once like every floor event, at the
 * station's branch, by the user signed in when it was counted. A refusal (not a supervisor, unknown bin, second badge
 * missing, …) comes back to the station with its reason and nothing is recorded.
 */
export const countStock: FloorEventHandler<'stock.counted'> = async (payload, context) => {
  await applyStockCount(
    context.trx,
    { ...payload, branchCode: context.branchCode, countedBy: context.userId, stationEventId: context.eventId, countedAt: context.occurredAt },
    secondBadgeAbove(),
    context.now,
  );
};

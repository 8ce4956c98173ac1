import type { DailyCountFigure, DailyCountRow } from '../../../shared/hub/routes/daily-counts';
import { type Day } from './day';
import { bundlesHeld, bundlesIn, bundlesInspected, bundlesRejected, deadlineBundles, discrepancies, inboundMovements } from './inbound';
import { dueNotShipped, ordersIn, waitingOrders } from './outbound';

/** A list behind one figure answers at most this many rows, oldest first, and says when there were more. */
export const listLimit = 1_000;

export interface FigureList {
  rows: DailyCountRow[];
  truncated: boolean;
}

const cut = (rows: DailyCountRow[]): FigureList => ({ rows: rows.slice(0, listLimit), truncated: rows.length > listLimit });
const row = (id: string, sellerId: string | null, at: string | null, detail: string | null = null, quantity: number | null = null): DailyCountRow => ({
  id,
  sellerId,
  at,
  detail,
  quantity,
});

type OrderStep = 'paid_at' | 'allocated_at' | 'picked_at' | 'packed_at' | 'shipped_at';

/** Orders of one step in the day: the order no. as the id, the state (or the parcel service and number) as detail. */
async function orderRows(day: Day, column: OrderStep): Promise<FigureList> {
  const rows = await ordersIn(day, column)
    .select(['order_no', 'seller_id', 'state', 'service', 'tracking_no', 'quantity', column])
    .orderBy(column)
    .orderBy('id')
    .limit(listLimit + 1)
    .execute();
  return cut(
    rows.map((order) => {
      const detail = column === 'shipped_at' ? [order.service ?? 'unknown', order.tracking_no].filter(Boolean).join(' ') : order.state;
      return row(order.order_no, order.seller_id, (order as Record<OrderStep, string | null>)[column], detail, order.quantity);
    }),
  );
}

async function bundleRows(day: Day, column: 'arrived_at' | 'completed_at'): Promise<FigureList> {
  const rows = await bundlesIn(day, column)
    .select(['id', 'seller_id', 'state', column])
    .orderBy(column)
    .orderBy('id')
    .limit(listLimit + 1)
    .execute();
  return cut(rows.map((bundle) => row(bundle.id, bundle.seller_id, (bundle as Record<string, string | null>)[column] ?? null, bundle.state)));
}

/**
 * The rows behind one figure of the day, in the order they happened. `detail` is a code or short text the screen
 * words: a hold or reject reason, a waiting reason, `<kind> <sku or code>` for a discrepancy, the service and tracking
 * number of a shipped order, the deadline of a bundle, the state of an order.
 */
export async function dailyCountList(day: Day, figure: DailyCountFigure): Promise<FigureList> {
  switch (figure) {
    case 'bundlesArrived':
      return bundleRows(day, 'arrived_at');
    case 'bundlesCompleted':
      return bundleRows(day, 'completed_at');
    case 'bundlesInspected': {
      const inspected = await bundlesInspected(day);
      const sellers = new Map<string, string>();
      if (inspected.length > 0) {
        const ids = inspected.slice(0, listLimit).map((bundle) => bundle.bundleId);
        for (const bundle of await day.db.selectFrom('cargo_bundles').select(['id', 'seller_id']).where('id', 'in', ids).execute())
          sellers.set(bundle.id, bundle.seller_id);
      }
      return cut(inspected.map((bundle) => row(bundle.bundleId, sellers.get(bundle.bundleId) ?? null, bundle.at)));
    }
    case 'bundlesHeld': {
      const rows = await bundlesHeld(day)
        .select(['id', 'seller_id', 'updated_at', 'hold_reason'])
        .orderBy('arrived_at')
        .orderBy('id')
        .limit(listLimit + 1)
        .execute();
      return cut(rows.map((bundle) => row(bundle.id, bundle.seller_id, bundle.updated_at, bundle.hold_reason)));
    }
    case 'bundlesRejected': {
      const rows = await bundlesRejected(day)
        .select(['id', 'seller_id', 'updated_at', 'reject_reason'])
        .orderBy('updated_at')
        .orderBy('id')
        .limit(listLimit + 1)
        .execute();
      return cut(rows.map((bundle) => row(bundle.id, bundle.seller_id, bundle.updated_at, bundle.reject_reason)));
    }
    case 'unitsCounted': {
      // One row per bundle and SKU received (the movement's reference is its bundle).
      const rows = await inboundMovements(day)
        .select((eb) => ['reference', 'sku', eb.fn.min('occurred_at').as('at'), eb.fn.sum<number>('quantity').as('units')])
        .groupBy(['reference', 'sku'])
        .orderBy('at')
        .orderBy('reference')
        .orderBy('sku')
        .limit(listLimit + 1)
        .execute();
      return cut(
        rows.map((movement) => row(movement.reference ?? '', null, movement.at === null ? null : String(movement.at), movement.sku, Number(movement.units))),
      );
    }
    case 'discrepancies':
      return cut((await discrepancies(day)).map((entry) => row(entry.bundleId, entry.sellerId, entry.at, `${entry.kind} ${entry.code}`, entry.units)));
    case 'lateBundles':
    case 'dueToday': {
      const bundles = await deadlineBundles(day);
      const list = figure === 'lateBundles' ? bundles.late : bundles.dueToday;
      return cut(list.map((bundle) => row(bundle.bundleId, bundle.sellerId, bundle.arrivedAt, bundle.deadline)));
    }
    case 'ordersPaid':
      return orderRows(day, 'paid_at');
    case 'ordersAllocated':
      return orderRows(day, 'allocated_at');
    case 'ordersPicked':
      return orderRows(day, 'picked_at');
    case 'ordersPacked':
      return orderRows(day, 'packed_at');
    case 'ordersShipped':
      return orderRows(day, 'shipped_at');
    case 'waiting':
      return cut((await waitingOrders(day)).map((order) => row(order.orderNo, order.sellerId, order.paidAt, order.reason)));
    case 'dueNotShipped':
      return cut((await dueNotShipped(day)).map((order) => row(order.orderNo, order.sellerId, order.cutoff, order.state)));
  }
}

import { cutoffs, dueShipDayNumber } from '../../../shared/domain/cutoffs';
import { dateToDayNumber, dayNumberToDate, startOfTokyoDay } from '../../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { cutoffOrderOf } from '../orders/order-view';
import { daysBefore, lookBackDays, num, type Day } from './day';

type OutboundCounts = DailyCountsView['outbound'];

/** Orders whose step (payment, allocation, pick, pack, scan out) happened in the day: a range over one indexed column. */
export function ordersIn(day: Day, column: 'paid_at' | 'allocated_at' | 'picked_at' | 'packed_at' | 'shipped_at') {
  let query = day.db.selectFrom('orders').where(column, '>=', day.from).where(column, '<', day.until);
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return query;
}

export interface WaitingOrder {
  orderId: string;
  orderNo: string;
  sellerId: string;
  reason: string;
  paidAt: string;
}

/**
 * Orders waiting to be allocated at the day's end (or now), with why. The allocator does not store its reason, so it is
 * read back cheaply from what it decides on: `held` (un-allocated by hand), `seller-suspended` (fees unpaid),
 * `not-linked` (a Qoo10 line linked to no SKU), else `out-of-stock` (which also covers a cart waiting for its other
 * lines). For a past day, an order that waited then and was allocated since says `allocated-later`. Waiting orders are
 * at no branch yet, so they are the same whichever branch is asked for.
 */
export async function waitingOrders(day: Day): Promise<WaitingOrder[]> {
  const columns = [
    'orders.id',
    'orders.order_no',
    'orders.seller_id',
    'orders.state',
    'orders.sku',
    'orders.source',
    'orders.paid_at',
    'sellers.suspended',
  ] as const;
  const rows = await day.db
    .selectFrom('orders')
    .innerJoin('sellers', 'sellers.id', 'orders.seller_id')
    .select(columns)
    .where('orders.state', 'in', ['paid', 'held'])
    .where('orders.paid_at', '<', day.until)
    .execute();
  if (!day.running) {
    const seen = new Set(rows.map((row) => row.id));
    const since = await day.db
      .selectFrom('orders')
      .innerJoin('sellers', 'sellers.id', 'orders.seller_id')
      .select(columns)
      .where('orders.paid_at', '>=', daysBefore(day, lookBackDays))
      .where('orders.paid_at', '<', day.until)
      .where('orders.state', 'not in', ['paid', 'held'])
      .where((eb) => eb.or([eb('orders.allocated_at', 'is', null), eb('orders.allocated_at', '>=', day.until)]))
      .where((eb) => eb.or([eb('orders.shipped_at', 'is', null), eb('orders.shipped_at', '>=', day.until)]))
      .execute();
    rows.push(...since.filter((row) => !seen.has(row.id)));
  }
  const reasonOf = (row: (typeof rows)[number]): string => {
    if (row.state === 'held') return 'held';
    if (row.state !== 'paid') return 'allocated-later';
    if (row.suspended) return 'seller-suspended';
    if (row.source !== 'management' && row.sku === null) return 'not-linked';
    return 'out-of-stock';
  };
  return rows
    .map((row) => ({ orderId: row.id, orderNo: row.order_no, sellerId: row.seller_id, reason: reasonOf(row), paidAt: row.paid_at }))
    .sort((a, b) => a.paidAt.localeCompare(b.paidAt) || a.orderId.localeCompare(b.orderId));
}

const openStates = ['paid', 'held', 'allocated', 'picked', 'packed'];

/**
 * Orders due to ship by this day (their due day, by the cut-off rules of shared/domain/cutoffs.ts, is this day or
 * earlier) and not in transit by its end (or now), each with its due day's cut-off: the time left is that minus now.
 */
export async function dueNotShipped(day: Day): Promise<OutboundCounts['dueNotShipped']> {
  const columns = ['id', 'order_no', 'seller_id', 'source', 'state', 'paid_at', 'desired_ship_date'] as const;
  let open = day.db.selectFrom('orders').select(columns).where('state', 'in', openStates).where('paid_at', '<', day.until);
  if (day.branchCode) open = open.where('branch_code', '=', day.branchCode);
  const rows = await open.execute();
  if (!day.running) {
    // Shipped after the day, so still waiting at its end: their state now is in transit, then it was not.
    let later = day.db
      .selectFrom('orders')
      .select(columns)
      .where('paid_at', '>=', daysBefore(day, lookBackDays))
      .where('paid_at', '<', day.until)
      .where('shipped_at', '>=', day.until);
    if (day.branchCode) later = later.where('branch_code', '=', day.branchCode);
    rows.push(...(await later.execute()));
  }
  const dayNumber = dateToDayNumber(day.date);
  return rows
    .map((row) => ({ row, due: dueShipDayNumber(cutoffOrderOf(row)) }))
    .filter(({ due }) => due <= dayNumber)
    .map(({ row, due }) => {
      const cutoff = row.source === 'management' ? cutoffs.otherPlatform : cutoffs.qoo10;
      const at = startOfTokyoDay(dayNumberToDate(due)).getTime() + (cutoff.hour * 60 + cutoff.minute) * 60_000;
      return { orderId: row.id, orderNo: row.order_no, sellerId: row.seller_id, source: row.source, state: row.state, cutoff: new Date(at).toISOString() };
    })
    .sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.orderId.localeCompare(b.orderId));
}

export async function outboundCounts(day: Day): Promise<OutboundCounts> {
  const countOf = async (column: Parameters<typeof ordersIn>[1]) =>
    num(
      (
        await ordersIn(day, column)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [paid, allocated, picked, packed, shipped, waiting, due] = await Promise.all([
    countOf('paid_at'),
    countOf('allocated_at'),
    countOf('picked_at'),
    countOf('packed_at'),
    ordersIn(day, 'shipped_at')
      .select((eb) => ['service', eb.fn.countAll().as('orders'), eb.fn.count('tracking_no').distinct().as('parcels')])
      .groupBy('service')
      .execute(),
    waitingOrders(day),
    dueNotShipped(day),
  ]);
  const byReason = new Map<string, number>();
  for (const order of waiting) byReason.set(order.reason, (byReason.get(order.reason) ?? 0) + 1);
  return {
    ordersPaid: paid,
    ordersAllocated: allocated,
    waiting: [...byReason].map(([reason, orders]) => ({ reason, orders })).sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason)),
    ordersPicked: picked,
    ordersPacked: packed,
    shippedByService: shipped
      .map((row) => ({ service: row.service ?? 'unknown', orders: num(row.orders), parcels: num(row.parcels) }))
      .sort((a, b) => a.service.localeCompare(b.service)),
    dueNotShipped: due,
  };
}

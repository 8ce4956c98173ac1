import { sql } from 'kysely';
import { dueShipDayNumber } from '../../../shared/domain/cutoffs';
import { addDays, dateToDayNumber, startOfTokyoDay, tokyoDayNumber } from '../../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { cutoffOrderOf } from '../orders/order-view';
import { num, type Day } from './day';

export const historyDays = 14;

/**
 * The 14 days up to and including this one: units received (inbound ledger movements, summed per day in one pass over
 * the index), orders shipped, and of those the late ones: scanned out on a Tokyo day after their due ship day (the day
 * the cut-off rules give them, shared/domain/cutoffs.ts).
 */
export async function lastDays(day: Day): Promise<DailyCountsView['lastDays']> {
  const dates = Array.from({ length: historyDays }, (_, index) => addDays(day.date, index - historyDays + 1));
  const bounds = [...dates, addDays(day.date, 1)].map((date) => startOfTokyoDay(date).toISOString());
  const first = bounds[0]!;

  let received = day.db
    .selectFrom('stock_movements')
    .select(dates.map((_, index) => sql<number | null>`sum(case when occurred_at < ${bounds[index + 1]!} then quantity else 0 end)`.as(`d${index}`)))
    .where('kind', '=', 'inbound')
    .where('occurred_at', '>=', first)
    .where('occurred_at', '<', day.until);
  if (day.branchCode) received = received.where('branch_code', '=', day.branchCode);

  let shipped = day.db
    .selectFrom('orders')
    .select(['shipped_at', 'paid_at', 'source', 'desired_ship_date'])
    .where('shipped_at', '>=', first)
    .where('shipped_at', '<', day.until);
  if (day.branchCode) shipped = shipped.where('branch_code', '=', day.branchCode);

  const [sums, orders] = await Promise.all([received.executeTakeFirstOrThrow(), shipped.execute()]);
  // Each column sums everything before its day's end; a day's units are the difference of two neighbours.
  const cumulative = dates.map((_, index) => num((sums as Record<string, unknown>)[`d${index}`]));
  const firstDay = dateToDayNumber(dates[0]!);
  const days = dates.map((date, index) => ({
    date,
    received: Math.max(0, cumulative[index]! - (index === 0 ? 0 : cumulative[index - 1]!)),
    shipped: 0,
    late: 0,
  }));
  for (const order of orders) {
    const shippedDay = tokyoDayNumber(order.shipped_at!);
    const entry = days[shippedDay - firstDay];
    if (!entry) continue;
    entry.shipped += 1;
    if (shippedDay > dueShipDayNumber(cutoffOrderOf(order))) entry.late += 1;
  }
  return days;
}

import { sql } from 'kysely';
import { dueShipDayNumber } from '../../../shared/domain/cutoffs';
import { addDays, dateToDayNumber, startOfTokyoDay, tokyoDayNumber } from '../../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { cutoffOrderOf } from '../orders/order-view';
import { num, type Day } from './day';

export const historyDays = 14;

/**
 * The 14 days up to and including this one: units received (inbound ledger movements, read from the index alone), orders shipped, and of those the late ones: scanned out on a Tokyo day after their due ship day (the day
 * the cut-off rules give them, shared/domain/cutoffs.ts).
 */
export async function lastDays(day: Day): Promise<DailyCountsView['lastDays']> {
  const dates = Array.from({ length: historyDays }, (_, index) => addDays(day.date, index - historyDays + 1));
  const first = startOfTokyoDay(dates[0]!).toISOString();

  // Summed per UTC hour (JST is a whole number of hours ahead, so each hour lies in one Tokyo day), in one pass over
  // the index; the hours are then added up per Tokyo day.
  const hour = sql<string>`substr(occurred_at, 1, 13)`;
  let received = day.db
    .selectFrom('stock_movements')
    .select((eb) => [hour.as('utc_hour'), eb.fn.sum<number>('quantity').as('units')])
    .where('kind', '=', 'inbound')
    .where('occurred_at', '>=', first)
    .where('occurred_at', '<', day.until)
    .groupBy(hour);
  if (day.branchCode) received = received.where('branch_code', '=', day.branchCode);

  let shipped = day.db
    .selectFrom('orders')
    .select(['shipped_at', 'paid_at', 'source', 'desired_ship_date'])
    .where('shipped_at', '>=', first)
    .where('shipped_at', '<', day.until);
  if (day.branchCode) shipped = shipped.where('branch_code', '=', day.branchCode);

  const [hours, orders] = await Promise.all([received.execute(), shipped.execute()]);
  const firstDay = dateToDayNumber(dates[0]!);
  const days = dates.map((date) => ({ date, received: 0, shipped: 0, late: 0 }));
  for (const { utc_hour, units } of hours) {
    const entry = days[tokyoDayNumber(`${utc_hour}:00:00.000Z`) - firstDay];
    if (entry) entry.received += num(units);
  }
  for (const order of orders) {
    const shippedDay = tokyoDayNumber(order.shipped_at!);
    const entry = days[shippedDay - firstDay];
    if (!entry) continue;
    entry.shipped += 1;
    if (shippedDay > dueShipDayNumber(cutoffOrderOf(order))) entry.late += 1;
  }
  return days;
}

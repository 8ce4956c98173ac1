import { sql, type RawBuilder } from 'kysely';
import { cutoffs } from '../../../shared/domain/cutoffs';
import { addDays, startOfTokyoDay, tokyoOffsetMs } from '../../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import type { Dialect } from '../../storage/dialect';
import { num, type Day } from './day';

export const historyDays = 14;

/** The UTC calendar date ('YYYY-MM-DD') of a stored ISO instant moved on by `minutes`, on either store. */
function dateAfter(dialect: Dialect, column: string, minutes: number): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`date(${sql.ref(column)}, ${sql.lit(`+${minutes} minutes`)})`
    : sql<string>`to_char((${sql.ref(column)})::timestamptz at time zone 'UTC' + interval ${sql.lit(`${minutes} minutes`)}, 'YYYY-MM-DD')`;
}

const tokyoMinutes = tokyoOffsetMs / 60_000;
/**
 * The due ship day of the cut-off rules (shared/domain/cutoffs.ts) in SQL: paid (or registered) before the cut-off
 * ships that Tokyo day, at or after it the next; so the due day is the Tokyo date of the payment moved on by
 * (24 h − the cut-off), that is the UTC date moved on by 9 h more. A later scheduled date wins.
 */
function dueDay(dialect: Dialect): RawBuilder<string> {
  const shift = (cutoff: { hour: number; minute: number }) => tokyoMinutes + 24 * 60 - (cutoff.hour * 60 + cutoff.minute);
  const byCutoff = sql<string>`case when source = 'management' then ${dateAfter(dialect, 'paid_at', shift(cutoffs.otherPlatform))} else ${dateAfter(dialect, 'paid_at', shift(cutoffs.qoo10))} end`;
  return dialect === 'sqlite' ? sql<string>`max(${byCutoff}, coalesce(desired_ship_date, ''))` : sql<string>`greatest(${byCutoff}, desired_ship_date)`;
}

/**
 * The 14 days up to and including this one: units received (inbound ledger movements, a sum per day over the index
 * alone), orders shipped, and of those the late ones: scanned out on a Tokyo day after their due ship day (the cut-off
 * rules' day, or the scheduled date). Both are grouped in the database: the 14 days are thousands of rows.
 */
export async function lastDays(day: Day): Promise<DailyCountsView['lastDays']> {
  const dates = Array.from({ length: historyDays }, (_, index) => addDays(day.date, index - historyDays + 1));
  const bounds = [...dates, addDays(day.date, 1)].map((date) => startOfTokyoDay(date).toISOString());

  const receivedOn = (index: number) => {
    let query = day.db
      .selectFrom('stock_movements')
      .select((eb) => [sql.lit(index).as('day'), eb.fn.sum<number>('quantity').as('units')])
      .where('kind', '=', 'inbound')
      .where('occurred_at', '>=', bounds[index]!)
      .where('occurred_at', '<', bounds[index + 1]!);
    if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
    return query;
  };
  const received = dates.slice(1).reduce((query, _, index) => query.unionAll(receivedOn(index + 1)), receivedOn(0));

  const shippedDay = dateAfter(day.dialect, 'shipped_at', tokyoMinutes);
  let shipped = day.db
    .selectFrom('orders')
    .select((eb) => [
      shippedDay.as('day'),
      eb.fn.countAll().as('orders'),
      sql<number>`sum(case when ${shippedDay} > ${dueDay(day.dialect)} then 1 else 0 end)`.as('late'),
    ])
    .where('shipped_at', '>=', bounds[0]!)
    .where('shipped_at', '<', day.until)
    .groupBy(shippedDay);
  if (day.branchCode) shipped = shipped.where('branch_code', '=', day.branchCode);

  const [units, orders] = await Promise.all([received.execute(), shipped.execute()]);
  const days = dates.map((date) => ({ date, received: 0, shipped: 0, late: 0 }));
  for (const row of units) days[Number(row.day)]!.received = num(row.units);
  for (const row of orders) {
    const entry = days[dates.indexOf(row.day)];
    if (!entry) continue;
    entry.shipped = num(row.orders);
    entry.late = num(row.late);
  }
  return days;
}

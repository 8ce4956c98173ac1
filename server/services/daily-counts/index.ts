import type { TokyoDate } from '../../../shared/domain/tokyo-time';
import type { DailyCountFigure, DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import type { HubStore } from '../../storage/database';
import { latestMismatches } from '../inventory/reconciliation';
import { dayOf } from './day';
import { peopleAndHours, stationFloor } from './floor';
import { lastDays } from './history';
import { inboundCounts } from './inbound';
import { dailyCountList, type FigureList } from './lists';
import { outboundCounts } from './outbound';

/**
 * The supervisor's day (日次集計) for one Tokyo day and one branch or all, from indexed range queries only
 * (step 0012 gives each its index): inbound.ts, outbound.ts, floor.ts (stations, people, the day by hour),
 * history.ts (the last 14 days) and lists.ts (the rows behind each figure). The parts run side by side; on
 * PostgreSQL that is several connections at once.
 */
export async function dailyCounts(
  store: Pick<HubStore, 'db' | 'dialect'>,
  date: TokyoDate,
  branchCode: string | null,
  now = new Date(),
): Promise<DailyCountsView> {
  const day = dayOf(store.db, store.dialect, date, branchCode, now);
  const [inbound, outbound, stations, floor, days, mismatches] = await Promise.all([
    inboundCounts(day),
    outboundCounts(day),
    stationFloor(day),
    peopleAndHours(day),
    lastDays(day),
    latestMismatches(store.db, branchCode),
  ]);
  return {
    date,
    branchCode,
    asOf: day.asOf.toISOString(),
    inbound,
    outbound,
    stations,
    people: floor.people,
    byHour: floor.byHour,
    lastDays: days,
    // What the last daily reconciliation found (server/services/inventory/reconciliation.ts): not of this day, the
    // latest there is, since a mismatch stays a supervisor's business until put right.
    mismatches,
  };
}

/** The rows behind one figure of the day (at most 1,000, oldest first). */
export async function dailyCountRows(
  store: Pick<HubStore, 'db' | 'dialect'>,
  date: TokyoDate,
  branchCode: string | null,
  figure: DailyCountFigure,
  now = new Date(),
): Promise<FigureList> {
  return dailyCountList(dayOf(store.db, store.dialect, date, branchCode, now), figure);
}

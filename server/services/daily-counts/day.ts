import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDays, startOfTokyoDay, type TokyoDate } from '../../../shared/domain/tokyo-time';
import type { Dialect } from '../../storage/dialect';
import type { HubDatabase } from '../../storage/schema';

/**
 * One Tokyo day as every query of the supervisor's figures reads it. Times are stored as UTC ISO strings, so the day is
 * the text range [its JST midnight, the next JST midnight) and every figure is an indexed range, never a conversion
 * per row. What the floor did is counted on the day it happened there (arrived_at, completed_at, picked_at, packed_at,
 * shipped_at, a movement's occurred_at and an event's floor_at hold the floor's time), not when a push reached the hub.
 */
export interface Day {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  date: TokyoDate;
  branchCode: string | null;
  /** The day's first instant, ISO. */
  from: string;
  /** The next day's first instant, ISO (excluded). */
  until: string;
  /** The figures are as of the day's last instant, or now while the day is still running. */
  asOf: Date;
  /** True while the day runs (or is still to come): "as of now" figures read the current state of orders and bundles. */
  running: boolean;
}

export function dayOf(db: Kysely<HubDatabase>, dialect: Dialect, date: TokyoDate, branchCode: string | null, now: Date): Day {
  const from = startOfTokyoDay(date).toISOString();
  const until = startOfTokyoDay(addDays(date, 1)).toISOString();
  const running = now.getTime() < Date.parse(until);
  return { db, dialect, date, branchCode, from, until, asOf: running ? now : new Date(Date.parse(until) - 1), running };
}

/** How far back a past day looks for orders and bundles that were still open at its end (today reads their state). */
export const lookBackDays = 30;

/** The instant `days` Tokyo days before the day began, ISO. */
export function daysBefore(day: Day, days: number): string {
  return startOfTokyoDay(addDays(day.date, -days)).toISOString();
}

/** The Tokyo hour (0–23) of a UTC hour as `utcHour` gives it (JST is UTC+9 all year). */
export function tokyoHourOfUtc(utcHourText: unknown): number {
  return (Number(utcHourText) + 9) % 24;
}

/** The UTC hour text ("00"–"23") of a stored ISO instant, for grouping in SQL (substr works the same on both stores). */
export const utcHour = (column: string): RawBuilder<string> => sql<string>`substr(${sql.ref(column)}, 12, 2)`;

/** A whole-number field of a station event's JSON payload, on either store. */
export function payloadInt(dialect: Dialect, key: string): RawBuilder<number | null> {
  return dialect === 'sqlite'
    ? sql<number | null>`json_extract(station_events.payload, ${sql.lit(`$.${key}`)})`
    : sql<number | null>`(station_events.payload::json ->> ${sql.lit(key)})::int`;
}

/** A text field of a station event's JSON payload, on either store. */
export function payloadText(dialect: Dialect, key: string): RawBuilder<string | null> {
  return dialect === 'sqlite'
    ? sql<string | null>`json_extract(station_events.payload, ${sql.lit(`$.${key}`)})`
    : sql<string | null>`(station_events.payload::json ->> ${sql.lit(key)})`;
}

/** The ids of the branch's stations, to scope station events to a branch (a handful of rows). */
export function branchStations(day: Day) {
  return day.db
    .selectFrom('stations')
    .select('id')
    .where('branch_code', '=', day.branchCode ?? '');
}

/** Numbers from either driver (PostgreSQL gives counts as numbers here, sums may be null). */
export const num = (value: unknown): number => Number(value ?? 0);

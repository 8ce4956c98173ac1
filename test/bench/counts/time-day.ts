import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { addDays, startOfTokyoDay, type TokyoDate } from '../../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { dailyCounts } from '../../../server/services/daily-counts';
import type { Dialect } from '../../../server/storage/dialect';
import type { HubStore } from '../../../server/storage/database';
import type { HubDatabase } from '../../../server/storage/schema';

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: Awaited<T> }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** Median milliseconds of `runs` calls after one warm-up call, and the last answer. */
export async function medianOf<T>(runs: number, run: () => Promise<T>): Promise<{ ms: number; value: Awaited<T> }> {
  let last = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await timed(run);
    times.push(result.ms);
    last = result.value;
  }
  return { ms: median(times), value: last };
}

/** The baseline: a bare count(*) of the day's inbound ledger movements, through the same index the figures use. */
export async function bareDayCount(store: Pick<HubStore, 'db'>, date: TokyoDate): Promise<number> {
  const from = startOfTokyoDay(date).toISOString();
  const until = startOfTokyoDay(addDays(date, 1)).toISOString();
  const row = await sql<{
    n: number;
  }>`select count(*) as n from stock_movements where kind = 'inbound' and occurred_at >= ${from} and occurred_at < ${until}`.execute(store.db);
  return Number(row.rows[0]!.n);
}

/** The day's figures over HTTP as the supervisor's screen asks for them. */
export async function overHttp(url: string, token: string, date: TokyoDate): Promise<DailyCountsView> {
  const response = await fetch(new URL(`/api/v1/daily-counts?date=${date}`, url), { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`daily counts over HTTP: ${response.status} ${await response.text()}`);
  return (await response.json()) as DailyCountsView;
}

const bigTables = ['stock_movements', 'station_events', 'orders', 'inbound_lines', 'cargo_bundles', 'inspection_findings'];

/**
 * Runs the day's figures once on a connection that logs every query, then asks the database for each query's plan
 * and names any that reads a big table whole (SQLite `SCAN <table>` without an index, PostgreSQL `Seq Scan`).
 */
export async function planCheck(location: string, dialect: Dialect, date: TokyoDate, now: Date): Promise<{ queries: number; fullScans: string[] }> {
  const queries: CompiledQuery[] = [];
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') queries.push(event.query);
  };
  const sqlite = dialect === 'sqlite' ? new BetterSqlite3(location, { readonly: true }) : null;
  const pool = dialect === 'postgres' ? new pg.Pool({ connectionString: location, max: 2 }) : null;
  const db = new Kysely<HubDatabase>({ dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }), log });
  try {
    await dailyCounts({ db, dialect }, date, null, now);
    const fullScans: string[] = [];
    for (const query of queries) {
      const params = query.parameters as unknown[];
      const plan = sqlite
        ? (sqlite.prepare(`explain query plan ${query.sql}`).all(...(params as never[])) as { detail: string }[]).map((row) => row.detail)
        : (await pool!.query(`explain ${query.sql}`, params)).rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
      const scans = plan.filter((line) =>
        bigTables.some((table) => (sqlite ? new RegExp(`^SCAN ${table}\\b(?!.*INDEX)`).test(line) : line.includes(`Seq Scan on ${table}`))),
      );
      if (scans.length > 0) fullScans.push(`${scans.join(' | ')}  <-  ${query.sql.slice(0, 160)}`);
    }
    return { queries: queries.length, fullScans };
  } finally {
    await db.destroy();
  }
}

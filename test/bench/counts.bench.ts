/**
 * npm run bench:counts — the supervisor's day (日次集計) on a year of history, on SQLite and on PostgreSQL: the day's
 * figures (the service function, median of several runs, and over HTTP) beside a bare count(*) of the same day's
 * inbound ledger movements in the same run, for today (still running) and for a past day. Aim: within 200 ms.
 * BENCH_COUNTS_DAYS / _BUNDLES / _ORDERS shrink the year for a quick look; BENCH_COUNTS_RUNS sets the runs per median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, tokyoDate, type TokyoDate } from '../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../shared/hub/routes/daily-counts';
import { startHub } from '../../server/hub/start-hub';
import { dailyCounts } from '../../server/services/daily-counts';
import { ensureReferenceData } from '../../server/services/reference-data';
import { addUser, signIn } from '../../server/services/users';
import { openHubStore } from '../../server/storage/database';
import type { Dialect } from '../../server/storage/dialect';
import { createPostgresDatabase } from '../../server/storage/postgres-admin';
import { startPostgresCluster } from '../setup/postgres-cluster';
import { postgresLoader, sqliteLoader } from './counts/bulk-load';
import { bareDayCount, medianOf, overHttp, planCheck } from './counts/time-day';
import { defaultScale, loadYearOfHistory, type HistoryScale } from './counts/year-of-history';

const scale: HistoryScale = {
  ...defaultScale,
  days: Number(process.env.BENCH_COUNTS_DAYS ?? defaultScale.days),
  bundlesPerDay: Number(process.env.BENCH_COUNTS_BUNDLES ?? defaultScale.bundlesPerDay),
  ordersPerDay: Number(process.env.BENCH_COUNTS_ORDERS ?? defaultScale.ordersPerDay),
};
const runs = Number(process.env.BENCH_COUNTS_RUNS ?? 7);
const aimMs = 200;

const summary = (day: DailyCountsView) =>
  [
    `arrived ${day.inbound.bundlesArrived}`,
    `inspected ${day.inbound.bundlesInspected}`,
    `completed ${day.inbound.bundlesCompleted}`,
    `units ${day.inbound.unitsCounted}`,
    `short/over ${day.inbound.discrepancies.short}/${day.inbound.discrepancies.over}`,
    `late ${day.inbound.lateBundles.length}`,
    `paid ${day.outbound.ordersPaid}`,
    `shipped ${day.outbound.shippedByService.reduce((total, service) => total + service.orders, 0)}`,
    `waiting ${day.outbound.waiting.reduce((total, reason) => total + reason.orders, 0)}`,
    `due ${day.outbound.dueNotShipped.length}`,
    `people ${day.people.length}`,
    `14-day shipped ${day.lastDays.reduce((total, entry) => total + entry.shipped, 0)}`,
  ].join(', ');

async function benchStore(name: string, dialect: Dialect, location: string, today: TokyoDate): Promise<void> {
  const migrated = await openHubStore(location);
  await ensureReferenceData(migrated.db);
  await migrated.close();
  const loader = dialect === 'sqlite' ? sqliteLoader(location) : await postgresLoader(location);
  const started = performance.now();
  const totals = await loadYearOfHistory(loader, today, scale);
  // PostgreSQL's autovacuum would analyze the new rows within a minute; the bench does not wait for it. SQLite's hub
  // never runs ANALYZE, so neither does the bench.
  if (dialect === 'postgres') await loader.run('analyze');
  await loader.close();
  console.log(
    `\n${name}: ${totals.movements.toLocaleString()} ledger movements, ${totals.orders.toLocaleString()} orders, ${totals.bundles.toLocaleString()} bundles (${totals.lines.toLocaleString()} lines), ${totals.stationEvents.toLocaleString()} station events — loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  const hub = await startHub({ database: location });
  try {
    await addUser(hub.store.db, { name: 'bench-supervisor', role: 'supervisor', pin: '123456', sellerId: null });
    const { token } = await signIn(hub.store.db, { user: 'bench-supervisor', pin: '123456' });
    for (const [label, date] of [
      ['today', today],
      ['a past day', addDays(today, -100)],
    ] as const) {
      const now = new Date();
      const bare = await medianOf(runs, () => bareDayCount(hub.store, date));
      const figures = await medianOf(runs, () => dailyCounts(hub.store, date, null, now));
      const http = await medianOf(Math.max(1, Math.floor(runs / 2)), () => overHttp(hub.url, token, date));
      const verdict = figures.ms <= aimMs ? 'within' : 'OVER';
      console.log(`  ${label} (${date}): ${summary(figures.value)}`);
      console.log(`    baseline: bare count(*) of the day's inbound movements  ${bare.ms.toFixed(1).padStart(7)} ms  (${bare.value} rows)`);
      console.log(
        `    the day's figures (service function)                   ${figures.ms.toFixed(1).padStart(7)} ms  ratio ${(figures.ms / bare.ms).toFixed(0)}x  ${verdict} ${aimMs} ms`,
      );
      console.log(`    the day's figures over HTTP (GET /api/v1/daily-counts)  ${http.ms.toFixed(1).padStart(7)} ms`);
      const plans = await planCheck(location, dialect, date, now);
      console.log(
        `    query plans: ${plans.queries} queries, ${plans.fullScans.length === 0 ? 'none reads a big table whole' : `full scans:\n      ${plans.fullScans.join('\n      ')}`}`,
      );
    }
  } finally {
    await hub.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-counts-'));
const cluster = await startPostgresCluster();
try {
  const today = tokyoDate(new Date());
  console.log(`bench:counts — the supervisor's day on ${scale.days} days of history (median of ${runs} runs)`);
  await benchStore('SQLite', 'sqlite', join(dir, 'counts.sqlite'), today);
  await benchStore('PostgreSQL', 'postgres', await createPostgresDatabase(cluster.url, 'qwms_bench_counts'), today);
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

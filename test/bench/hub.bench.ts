/**
 * npm run bench:hub — the hub's throughput, each figure beside a baseline measured in the same run:
 * floor events pushed per second (SQLite and PostgreSQL hubs) against bare better-sqlite3 transactions; allocation of
 * 100,000 paid orders over 20,000 SKUs against the pure planner alone on the same data; a 10,000-row inbound Excel
 * import against a bare exceljs streaming parse of the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../../server/storage/postgres-admin';
import { startPostgresCluster } from '../setup/postgres-cluster';
import { openHubStore } from '../../server/storage/database';
import { ensureReferenceData } from '../../server/services/reference-data';
import { seedAllocationDay, timeAllocationRun, timePlannerOnly } from './hub/allocation-run';
import { inboundWorkbook, timeBareStreamingParse, timeImport } from './hub/excel-import';
import { hubEventThroughput, rawSqliteThroughput, type Throughput } from './hub/floor-event-throughput';

const events = Number(process.env.BENCH_EVENTS ?? 2000);
const line = (name: string, result: Throughput) =>
  `${name.padEnd(44)} ${String(result.events).padStart(6)} events  ${result.seconds.toFixed(2).padStart(7)} s  ${result.perSecond.toFixed(0).padStart(7)} /s`;

const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-hub-'));
const cluster = await startPostgresCluster();
try {
  console.log('bench:hub — floor events pushed to the hub (HTTP, batches of 100, one transaction per event)');
  const raw = rawSqliteThroughput(events);
  console.log(line('baseline: bare better-sqlite3 transactions', raw));
  const sqlite = await hubEventThroughput(join(dir, 'hub.sqlite'), events);
  console.log(line('hub on SQLite', sqlite));
  const postgres = await hubEventThroughput(await createPostgresDatabase(cluster.url, 'qwms_bench'), events);
  console.log(line('hub on PostgreSQL', postgres));
  console.log(`ratio hub/baseline: SQLite ${(sqlite.perSecond / raw.perSecond).toFixed(3)}x, PostgreSQL ${(postgres.perSecond / raw.perSecond).toFixed(3)}x`);

  const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
  const skus = Number(process.env.BENCH_SKUS ?? 20_000);
  console.log(`\nallocation — ${orders} paid orders over ${skus} SKUs, stock for about 80% of demand`);
  for (const [name, database] of [
    ['SQLite', join(dir, 'alloc.sqlite')],
    ['PostgreSQL', await createPostgresDatabase(cluster.url, 'qwms_bench_alloc')],
  ] as const) {
    const store = await openHubStore(database);
    await ensureReferenceData(store.db);
    const now = new Date();
    const day = await seedAllocationDay(store, skus, orders, now);
    const planner = timePlannerOnly(day);
    const run = await timeAllocationRun(store, now);
    await store.close();
    console.log(`  baseline: planner alone in memory   ${planner.seconds.toFixed(2).padStart(7)} s  (${planner.allocated} allocated)`);
    console.log(
      `  hub allocation run on ${name.padEnd(11)}  ${run.seconds.toFixed(2).padStart(7)} s  (${run.allocated} allocated)  ratio ${(run.seconds / planner.seconds).toFixed(1)}x`,
    );
  }

  const excelRows = Number(process.env.BENCH_EXCEL_ROWS ?? 10_000);
  console.log(`\nExcel — a ${excelRows}-row inbound file`);
  const excelStore = await openHubStore(join(dir, 'excel.sqlite'));
  await ensureReferenceData(excelStore.db);
  const bytes = await inboundWorkbook(excelStore, excelRows);
  const bare = await timeBareStreamingParse(bytes);
  const imported = await timeImport(excelStore, bytes);
  await excelStore.close();
  console.log(`  baseline: bare exceljs streaming parse  ${bare.seconds.toFixed(2).padStart(7)} s  (${bare.rows} rows incl. header)`);
  console.log(
    `  hub import on SQLite (checked, applied)  ${imported.seconds.toFixed(2).padStart(7)} s  (${imported.rows} lines)  ratio ${(imported.seconds / bare.seconds).toFixed(1)}x`,
  );
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

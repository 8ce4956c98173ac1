/**
 * npm run bench:hub — the hub's throughput, each figure beside a baseline measured in the same run:
 * floor events pushed per second (SQLite and PostgreSQL hubs) against bare better-sqlite3 transactions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../../server/storage/postgres-admin';
import { startPostgresCluster } from '../setup/postgres-cluster';
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
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

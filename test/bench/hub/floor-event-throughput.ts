import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FloorEvent } from '../../../shared/contract/floor-events';
import { startHub } from '../../../server/hub/start-hub';
import { registerStation } from '../../../server/services/stations';
import { addFloorUser } from '../../support/floor-users';
import { seedSellerWithSkus, tokyo } from '../../support/hub-fixtures';

export interface Throughput {
  events: number;
  seconds: number;
  perSecond: number;
}

/** Floor events pushed over HTTP to a real hub, in batches as a station sends them, each applied in its own transaction. */
export async function hubEventThroughput(database: string, events: number, batchSize = 100): Promise<Throughput> {
  const hub = await startHub({ database });
  try {
    const [sku] = (await seedSellerWithSkus(hub.store.db, { sellerId: 'bench-shop', inventoryCode: '300000009001', stock: 1_000_000 })) as [string];
    const secret = await registerStation(hub.store.db, { id: 'bench-station', name: 'bench', branchCode: tokyo });
    // The hub checks who each event names (server/sync/event-user.ts).
    const userId = await addFloorUser(hub.store.db, 'u-bench-supervisor', 'supervisor');
    const all: FloorEvent[] = Array.from({ length: events }, (_, i) => ({
      eventId: randomUUID(),
      seq: i + 1,
      kind: 'stock.adjusted',
      payload: { sku, quantity: i % 2 === 0 ? 1 : -1, reason: 'bench' },
      occurredAt: new Date().toISOString(),
      userId,
    }));
    const started = performance.now();
    for (let i = 0; i < all.length; i += batchSize) {
      const response = await fetch(new URL('/api/v1/station-events', hub.url), {
        method: 'POST',
        headers: { authorization: `Station bench-station:${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: all.slice(i, i + batchSize) }),
      });
      const body = (await response.json()) as { results: { status: string }[] };
      if (body.results.some((result) => result.status !== 'applied')) throw new Error(`bench push not applied: ${JSON.stringify(body).slice(0, 300)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    return { events, seconds, perSecond: events / seconds };
  } finally {
    await hub.close();
  }
}

/**
 * The floor under the hub: the same three writes per event (receipt, balance, ledger row) as bare better-sqlite3
 * transactions in WAL mode with synchronous=FULL, no HTTP, no validation, no query builder.
 */
export function rawSqliteThroughput(events: number): Throughput {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-raw-'));
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`create table receipts (event_id text primary key, seq integer unique, payload text);
             create table balances (sku text primary key, quantity integer not null check (quantity >= 0));
             create table movements (id integer primary key autoincrement, sku text, quantity integer, event_id text);
             insert into balances values ('sku', 1000000);`);
    const receipt = db.prepare('insert into receipts values (?, ?, ?)');
    const balance = db.prepare('update balances set quantity = quantity + ? where sku = ?');
    const movement = db.prepare('insert into movements (sku, quantity, event_id) values (?, ?, ?)');
    const apply = db.transaction((i: number) => {
      const id = randomUUID();
      const quantity = i % 2 === 0 ? 1 : -1;
      receipt.run(id, i + 1, '{}');
      balance.run(quantity, 'sku');
      movement.run('sku', quantity, id);
    });
    const started = performance.now();
    for (let i = 0; i < events; i++) apply(i);
    const seconds = (performance.now() - started) / 1000;
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

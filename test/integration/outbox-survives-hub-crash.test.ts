import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubSync } from '../../electron/station/hub-client/hub-sync';
import { StationStore } from '../../electron/station/store/station-store';
import { openHubStore } from '../../server/storage/database';
import { ensureReferenceData } from '../../server/services/reference-data';
import { addFloorUser } from '../support/floor-users';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { hubStoreFactories } from '../support/hub-stores';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(hubStoreFactories())('station outbox against a hub killed mid-push on $dialect', (factory) => {
  const dirs: string[] = [];
  afterAll(async () => {
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    await factory.dispose();
  });

  it('ends with stock equal to the sum of accepted events: nothing doubled, nothing lost', { timeout: 120_000 }, async () => {
    const database = await factory.location();
    const seed = await openHubStore(database);
    await ensureReferenceData(seed.db);
    const [sku] = (await seedSellerWithSkus(seed.db, { sellerId: 'shop-crash', inventoryCode: '300000000202', stock: 50 })) as [string];
    // The hub checks who each event names (server/sync/event-user.ts).
    await addFloorUser(seed.db, 'u-crash-supervisor', 'supervisor');
    await seed.close();

    const stationDir = mkdtempSync(join(tmpdir(), 'qwms-station-'));
    dirs.push(stationDir);
    const store = new StationStore(stationDir);
    // 300 counts of +2 and -1, and every 50th a -10,000 the hub must refuse.
    const quantities = Array.from({ length: 300 }, (_, i) => (i % 50 === 49 ? -10_000 : i % 3 === 0 ? -1 : 2));
    for (const quantity of quantities) store.appendEvent('stock.adjusted', { sku, quantity, reason: 'cycle count' }, 'u-crash-supervisor');

    const port = await freePort();
    const station = 'st-crash:s3cret-s3cret:' + tokyo;
    let hub: HubProcess = await startHubProcess({ database, port, station });
    const sync = new HubSync(
      { url: hub.url, stationId: 'st-crash', secret: 's3cret-s3cret' },
      store,
      { onStatus: () => {}, onOutboxDepth: () => {} },
      { batchSize: 7, pollMs: 50, maxBackoffMs: 200 },
    );
    sync.start();

    // Kill the hub (twice) while batches are in flight, and start it again on the same port.
    for (const killAt of [60, 180]) {
      await waitFor(() => store.pendingCount() <= quantities.length - killAt, `${killAt} events settled`);
      await hub.kill();
      hub = await startHubProcess({ database, port, station });
    }
    await waitFor(() => store.pendingCount() === 0, 'the outbox to drain');
    await sync.stop();
    await hub.stop();

    const check = await openHubStore(database);
    const receipts = await check.db
      .selectFrom('station_events')
      .select(['station_seq', 'outcome'])
      .where('station_id', '=', 'st-crash')
      .orderBy('station_seq')
      .execute();
    const movements = await check.db.selectFrom('stock_movements').select(['quantity', 'station_event_id']).where('kind', '=', 'adjustment').execute();
    const balance = await check.db.selectFrom('stock_balances').select('quantity').where('sku', '=', sku).executeTakeFirstOrThrow();
    await check.close();

    // Every event has exactly one receipt, in order.
    expect(receipts.map((receipt) => receipt.station_seq)).toEqual(quantities.map((_, i) => i + 1));
    const accepted = quantities.filter((_, i) => receipts[i]?.outcome === 'applied');
    expect(accepted).toEqual(quantities.filter((quantity) => quantity !== -10_000));
    // One movement per applied event, none twice.
    expect(movements).toHaveLength(accepted.length);
    expect(new Set(movements.map((movement) => movement.station_event_id)).size).toBe(accepted.length);
    expect(balance.quantity).toBe(50 + accepted.reduce((sum, quantity) => sum + quantity, 0));
    // The station knows which were refused, and why.
    const refused = store.recent(1000).filter((entry) => entry.state === 'rejected');
    expect(refused).toHaveLength(6);
    expect(new Set(refused.map((entry) => entry.reason))).toEqual(new Set(['negative-stock']));
    store.close();
  });
});

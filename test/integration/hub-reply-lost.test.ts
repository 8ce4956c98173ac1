import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubSync } from '../../electron/station/hub-client/hub-sync';
import { StationStore } from '../../electron/station/store/station-store';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { addFloorUser } from '../support/floor-users';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startReplyDroppingProxy } from '../support/reply-dropping-proxy';
import { waitUntil } from '../support/wait-until';

/**
 * Guards the push seam's "exactly once" where it can break: the hub commits a push and its answer never reaches the
 * station (here a proxy reads the hub's whole answer and cuts the connection instead). The station cannot tell that
 * from a push that never arrived, so it pushes the same events again; the hub must acknowledge them as duplicates
 * without applying them twice. The end-to-end restart test stops the hub before anything is sent, so it never
 * delivers an event twice: this one does, on purpose.
 */
describe.each(hubStoreFactories())('a push answer lost after the hub committed ($dialect)', (factory) => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-reply-lost-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await factory.dispose();
  });

  it('is pushed again, acknowledged without effect: one receipt and one stock movement per event, the outbox drained', async () => {
    const hub = await startHub({ database: await factory.location() });
    const [sku] = await seedSellerWithSkus(hub.store.db, { sellerId: 'lost-reply-shop', inventoryCode: '300000077001', stock: 10 });
    await registerStation(hub.store.db, { id: 'st-lost', name: 'lost replies', branchCode: tokyo, secret: 'lost-secret-123' });
    // The hub checks who each event names (server/sync/event-user.ts).
    await addFloorUser(hub.store.db, 'u-lost-supervisor', 'supervisor');

    let pushes = 0;
    // The first push's answer is lost; everything after it goes through.
    const proxy = await startReplyDroppingProxy(hub.url, (method, path) => method === 'POST' && path === '/api/v1/station-events' && ++pushes === 1);
    const store = new StationStore(join(dir, `station-${factory.dialect}`));
    const ids = [1, 2, 3].map((n) => store.appendEvent('stock.adjusted', { sku, quantity: 1, reason: `棚卸し ${n}` }, 'u-lost-supervisor').eventId);
    const sync = new HubSync(
      { url: proxy.url, stationId: 'st-lost', secret: 'lost-secret-123' },
      store,
      { onStatus: () => {}, onOutboxDepth: () => {} },
      { pollMs: 50, maxBackoffMs: 200 },
    );
    try {
      sync.start();
      await waitUntil(() => store.pendingCount() === 0, 'the outbox to drain');

      // The hub's first answer really was lost, and the same events went to the hub a second time.
      expect(proxy.dropped).toEqual(['POST /api/v1/station-events → 200']);
      expect(proxy.forwarded.filter((line) => line === 'POST /api/v1/station-events').length).toBeGreaterThanOrEqual(2);
      expect(store.recent(10).map((entry) => entry.state)).toEqual(['applied', 'applied', 'applied']);

      const receipts = await hub.store.db
        .selectFrom('station_events')
        .select(['event_id', 'outcome'])
        .where('station_id', '=', 'st-lost')
        .orderBy('station_seq')
        .execute();
      expect(receipts).toEqual(ids.map((id) => ({ event_id: id, outcome: 'applied' })));
      const movements = await hub.store.db
        .selectFrom('stock_movements')
        .select(['station_event_id', 'quantity'])
        .where('kind', '=', 'adjustment')
        .where('sku', '=', sku!)
        .orderBy('id')
        .execute();
      expect(movements).toEqual(ids.map((id) => ({ station_event_id: id, quantity: 1 })));
      const balance = await hub.store.db
        .selectFrom('stock_balances')
        .select('quantity')
        .where('sku', '=', sku!)
        .where('branch_code', '=', tokyo)
        .executeTakeFirstOrThrow();
      expect(balance.quantity).toBe(13);
    } finally {
      await sync.stop();
      store.close();
      await proxy.close();
      await hub.close();
    }
  });
});

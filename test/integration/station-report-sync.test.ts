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
import { waitUntil } from '../support/wait-until';

/**
 * A station tells a real hub how it stands after its push and pull: the events still waiting in its outbox and its
 * print problems, again at the next interval when they change. Here one event waits for ever behind a gap (its
 * predecessor was settled locally and never reached the hub), so the waiting count is 1, not a default 0.
 */
describe.each(hubStoreFactories())('the station reports its outbox and print problems ($dialect)', (factory) => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-station-report-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await factory.dispose();
  });

  it('sends the waiting events and print problems, and later figures at the next interval', async () => {
    const hub = await startHub({ database: await factory.location() });
    const [sku] = await seedSellerWithSkus(hub.store.db, { sellerId: 'report-shop', inventoryCode: '300000078001', stock: 10 });
    await registerStation(hub.store.db, { id: 'st-report', name: '梱包 9', branchCode: tokyo, secret: 'report-secret-123' });
    await addFloorUser(hub.store.db, 'u-report-supervisor', 'supervisor');
    const store = new StationStore(join(dir, `station-${factory.dialect}`));
    const lost = store.appendEvent('stock.adjusted', { sku, quantity: 1, reason: '棚卸し' }, 'u-report-supervisor');
    store.settle(lost.eventId, 'applied');
    store.appendEvent('stock.adjusted', { sku, quantity: 1, reason: '棚卸し 2' }, 'u-report-supervisor');
    let printProblems = 3;
    const sync = new HubSync(
      { url: hub.url, stationId: 'st-report', secret: 'report-secret-123' },
      store,
      { onStatus: () => {}, onOutboxDepth: () => {} },
      { pollMs: 50, maxBackoffMs: 200, reportEveryMs: 200 },
    );
    sync.reportPrintProblems(() => printProblems);
    const row = () =>
      hub.store.db
        .selectFrom('stations')
        .select(['outbox_waiting', 'print_problems', 'last_contact_at'])
        .where('id', '=', 'st-report')
        .executeTakeFirstOrThrow();
    try {
      sync.start();
      await waitUntil(async () => (await row()).print_problems !== null, 'the first report');
      expect(await row()).toMatchObject({ outbox_waiting: 1, print_problems: 3 });
      expect((await row()).last_contact_at).not.toBeNull();
      printProblems = 0;
      await waitUntil(async () => (await row()).print_problems === 0, 'a later report');
      expect((await row()).outbox_waiting).toBe(1);
      expect(store.pendingCount()).toBe(1);
    } finally {
      await sync.stop();
      store.close();
      await hub.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyStationEvent } from '../../shared/contract/station-contract';
import { startStation } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { unusedPort } from '../support/raw-port-listener';
import { waitUntil } from '../support/wait-until';

describe('a station while its hub is away', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-offline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('confirms a floor event once it is in the outbox, shows the hub offline, and delivers it when the hub returns', async () => {
    const port = await unusedPort();
    const database = join(dir, 'hub.sqlite');
    let hub = await startHub({ database, port });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-off', name: 'office', branchCode: tokyo, secret: 'off-secret-123' });
    const sku = await hub.store.db.selectFrom('stock_balances').select(['sku', 'quantity']).where('quantity', '>', 0).orderBy('sku').executeTakeFirstOrThrow();
    const events: AnyStationEvent[] = [];
    const station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url: hub.url, stationId: 'st-off', secret: 'off-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
    });
    station.onEvent((event) => events.push(event));
    await waitUntil(() => events.some((event) => event.name === 'hub.status' && event.payload.state === 'online'), 'the hub online', 20_000);

    const signIn = await station.dispatch('session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' }, 'window-1');
    expect(signIn.ok).toBe(true);
    await hub.close();
    const adjusted = await station.dispatch('stock.adjust', { sku: sku.sku, quantity: -1, reason: '棚卸し' }, 'window-1');
    expect(adjusted).toMatchObject({ ok: true, output: { outboxDepth: 1 } });
    await waitUntil(() => events.some((event) => event.name === 'hub.status' && event.payload.state === 'offline'), 'the hub offline', 20_000);
    expect(await station.dispatch('station.status', {}, 'window-1')).toMatchObject({ ok: true, output: { outboxDepth: 1, hub: { state: 'offline' } } });
    // With the hub away only people who signed in here before can sign in: said plainly, not as a wrong PIN.
    expect(await station.dispatch('session.signIn', { method: 'badge', badge: 'BADGE-0001' }, 'window-2')).toMatchObject({
      ok: false,
      error: { code: 'offline-unknown-user' },
    });

    hub = await startHub({ database, port });
    await waitUntil(() => station.store.pendingCount() === 0, 'the outbox to drain', 20_000);
    const after = await hub.store.db
      .selectFrom('stock_balances')
      .select('quantity')
      .where('sku', '=', sku.sku)
      .where('branch_code', '=', tokyo)
      .executeTakeFirstOrThrow();
    expect(after.quantity).toBe(sku.quantity - 1);
    expect(events.some((event) => event.name === 'outbox.depth' && event.payload.depth === 0)).toBe(true);
    await station.close();
    await hub.close();
  });

  it('refuses stock adjustments from a role that may not make them', async () => {
    const hub = await startHub({ database: join(dir, 'hub2.sqlite') });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-roles', name: 'r', branchCode: tokyo, secret: 'roles-secret-1' });
    const station = await startStation({
      dataDir: join(dir, 'station2'),
      hub: { url: hub.url, stationId: 'st-roles', secret: 'roles-secret-1' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
    });
    expect((await station.dispatch('session.signIn', { method: 'badge', badge: 'BADGE-0001' }, 'w')).ok).toBe(true);
    const refused = await station.dispatch('stock.adjust', { sku: '300000000001-00001', quantity: 1, reason: 'x' }, 'w');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(station.store.pendingCount()).toBe(0);
    await station.close();
    await hub.close();
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStation, type Station } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub, type RunningHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { changeUserCredentials, disableUser } from '../../server/services/users';
import { tokyo } from '../support/hub-fixtures';
import { unusedPort } from '../support/raw-port-listener';
import { waitUntil } from '../support/wait-until';

/** Demo users (README): clerk 1111 / BADGE-0001, packer 2222, supervisor 3333 / BADGE-0003. */
describe('signing in with the hub away (real hub, real station store)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-offline-sign-in-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const signIn = (station: Station, client: string, input: unknown) => station.dispatch('session.signIn', input, client);
  const userIds = async (station: Station) => {
    const answer = await station.dispatch('session.users', {}, 'list');
    if (!answer.ok) throw new Error(`session.users failed: ${JSON.stringify(answer)}`);
    return (answer.output as { id: string }[]).map((user) => user.id);
  };

  it('signs in people who signed in here before, by PIN or badge, and nobody else; the hub’s feed makes it forget', async () => {
    const port = await unusedPort();
    const database = join(dir, 'hub.sqlite');
    let hub: RunningHub = await startHub({ database, port });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-sign', name: 'bench', branchCode: tokyo, secret: 'sign-secret-123' });
    const stationDir = join(dir, 'station');
    const station = await startStation({
      dataDir: stationDir,
      hub: { url: hub.url, stationId: 'st-sign', secret: 'sign-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
    });
    const cursor = () => Number(station.store.setting('changes.cursor') ?? 0);
    await waitUntil(() => cursor() > 0, 'the first pull of the changes feed');

    // Online: the clerk by PIN, the supervisor by badge. Each leaves a hash behind, never the PIN or badge.
    expect(await signIn(station, 'w1', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({
      ok: true,
      output: { user: { id: 'u-clerk' }, offline: false },
    });
    expect(await signIn(station, 'w2', { method: 'badge', badge: 'BADGE-0003' })).toMatchObject({
      ok: true,
      output: { user: { id: 'u-supervisor' }, offline: false },
    });
    const rows = station.store.credentials.rows();
    expect(rows.map((row) => row.user_id).sort()).toEqual(['u-clerk', 'u-supervisor']);
    for (const row of rows) expect(Object.values(row)).not.toContain('1111');
    const clerkRow = rows.find((row) => row.user_id === 'u-clerk')!;
    expect(clerkRow.pin_hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(rows.find((row) => row.user_id === 'u-supervisor')!.badge_key).toMatch(/^[0-9a-f]{64}$/);
    // Not in the station's files at all (database and its write-ahead log).
    for (const file of readdirSync(stationDir).filter((name) => name.startsWith('station.sqlite'))) {
      expect(readFileSync(join(stationDir, file)).includes('BADGE-0003'), file).toBe(false);
    }
    await station.dispatch('session.signOut', {}, 'w1');
    await station.dispatch('session.signOut', {}, 'w2');

    await hub.close();
    // The packer never signed in here: the right PIN is no help without the hub, and the answer says why.
    expect(await signIn(station, 'w3', { method: 'pin', userId: 'u-packer', pin: '2222' })).toMatchObject({
      ok: false,
      error: { code: 'offline-unknown-user' },
    });
    expect(await signIn(station, 'w3', { method: 'badge', badge: 'BADGE-0002' })).toMatchObject({ ok: false, error: { code: 'offline-unknown-user' } });
    expect(await station.dispatch('session.current', {}, 'w3')).toMatchObject({ ok: true, output: null });
    // A wrong PIN is answered as it is online.
    expect(await signIn(station, 'w1', { method: 'pin', userId: 'u-clerk', pin: '1112' })).toMatchObject({ ok: false, error: { code: 'bad-credentials' } });
    // The right ones sign in, marked offline.
    expect(await signIn(station, 'w1', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({
      ok: true,
      output: { user: { id: 'u-clerk', name: '田中 花子', role: 'clerk' }, offline: true },
    });
    expect(await signIn(station, 'w2', { method: 'badge', badge: 'BADGE-0003' })).toMatchObject({
      ok: true,
      output: { user: { id: 'u-supervisor', role: 'supervisor' }, offline: true },
    });
    expect(await station.dispatch('session.current', {}, 'w2')).toMatchObject({ ok: true, output: { offline: true } });
    // Pick lists are made by the hub in the user's name: an offline session is told to sign in again with the hub.
    expect(await station.dispatch('picking.make', {}, 'w2')).toMatchObject({ ok: false, error: { code: 'needs-hub-sign-in' } });
    // Floor work goes on: the event waits in the outbox under the user's id.
    expect(await station.dispatch('stock.adjust', { sku: '300000000001-00001', quantity: 1, reason: '棚卸し' }, 'w2')).toMatchObject({ ok: true });

    // Back at the hub: the clerk leaves, the supervisor gets a new PIN. The next feed drops both cached entries.
    hub = await startHub({ database, port });
    await disableUser(hub.store.db, '田中 花子');
    await changeUserCredentials(hub.store.db, 'u-supervisor', { pin: '9393' });
    await waitUntil(() => station.store.credentials.rows().length === 0, 'the feed to drop the cached credentials');
    await waitUntil(() => station.store.pendingCount() === 0, 'the outbox to drain');
    // The hub itself refuses the disabled clerk, and no longer lists her.
    expect(await signIn(station, 'w4', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({ ok: false, error: { code: 'bad-credentials' } });
    expect(await userIds(station)).not.toContain('u-clerk');

    await hub.close();
    expect(await signIn(station, 'w5', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'offline-unknown-user' },
    });
    expect(await signIn(station, 'w5', { method: 'badge', badge: 'BADGE-0003' })).toMatchObject({ ok: false, error: { code: 'offline-unknown-user' } });
    // Offline, the sign-in list leaves out the disabled clerk too (the feed said she is inactive).
    expect(await userIds(station)).toContain('u-supervisor');
    expect(await userIds(station)).not.toContain('u-clerk');

    // With the hub back, a sign-in with the new PIN caches it again.
    hub = await startHub({ database, port });
    expect(await signIn(station, 'w6', { method: 'pin', userId: 'u-supervisor', pin: '9393' })).toMatchObject({ ok: true, output: { offline: false } });
    await hub.close();
    expect(await signIn(station, 'w7', { method: 'pin', userId: 'u-supervisor', pin: '3333' })).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(await signIn(station, 'w7', { method: 'pin', userId: 'u-supervisor', pin: '9393' })).toMatchObject({ ok: true, output: { offline: true } });
    await station.close();
  });
});

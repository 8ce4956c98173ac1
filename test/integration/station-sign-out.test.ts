import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStation } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { unusedPort } from '../support/raw-port-listener';

/** Demo users (README): clerk 1111, packer 2222. */
describe('signing out at a station (real hub, real station)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-sign-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('revokes the hub session on sign-out, and signs out at once with the hub away', async () => {
    const port = await unusedPort();
    const database = join(dir, 'hub.sqlite');
    let hub = await startHub({ database, port });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-out', name: 'bench', branchCode: tokyo, secret: 'out-secret-123' });
    const station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url: hub.url, stationId: 'st-out', secret: 'out-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
    });
    const sessionsOf = async (userId: string) =>
      (await hub.store.db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute()).length;

    expect(await station.dispatch('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' }, 'w1')).toMatchObject({ ok: true });
    expect(await sessionsOf('u-clerk')).toBe(1);
    expect(await station.dispatch('session.signOut', {}, 'w1')).toEqual({ ok: true, output: { signedOut: true } });
    expect(await sessionsOf('u-clerk')).toBe(0);
    expect(station.signedIn('w1')).toBe(false);

    // The hub away: the window is signed out all the same; the hub's session is left to expire there.
    expect(await station.dispatch('session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' }, 'w2')).toMatchObject({ ok: true });
    await hub.close();
    expect(await station.dispatch('session.signOut', {}, 'w2')).toEqual({ ok: true, output: { signedOut: true } });
    expect(station.signedIn('w2')).toBe(false);
    hub = await startHub({ database, port });
    expect(await sessionsOf('u-packer')).toBe(1);
    await station.close();
    await hub.close();
  });
});

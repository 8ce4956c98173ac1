import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxWrongOfflinePins } from '../../../electron/station/store/credential-cache';
import { StationStore } from '../../../electron/station/store/station-store';

const clerk = { id: 'u-clerk', name: '田中 花子', role: 'clerk' as const, credentialsVersion: 3 };

describe('the station credential cache (real station store)', () => {
  let dir: string;
  let store: StationStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qwms-credentials-'));
    store = new StationStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a salted hash: the same PIN for two users is stored two ways, and neither is the PIN', async () => {
    await store.credentials.remember(clerk, { pin: '4711' });
    await store.credentials.remember({ ...clerk, id: 'u-other', name: '別の人' }, { pin: '4711' });
    const hashes = store.credentials.rows().map((row) => row.pin_hash as string);
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const hash of hashes) expect(hash.split(':')).not.toContain('4711');
    expect(await store.credentials.checkPin('u-clerk', '4711')).toMatchObject({ kind: 'match', user: clerk });
  });

  it('forgets the PIN after too many wrong ones in a row with the hub away, until the hub signs the user in again', async () => {
    await store.credentials.remember(clerk, { pin: '4711' });
    for (let attempt = 1; attempt < maxWrongOfflinePins; attempt++) expect(await store.credentials.checkPin('u-clerk', '0000')).toEqual({ kind: 'wrong' });
    // A right one in between starts the count again.
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('match');
    for (let attempt = 1; attempt <= maxWrongOfflinePins; attempt++) expect(await store.credentials.checkPin('u-clerk', '0000')).toEqual({ kind: 'wrong' });
    expect(await store.credentials.checkPin('u-clerk', '4711')).toEqual({ kind: 'unknown' });
    await store.credentials.remember(clerk, { pin: '4711' });
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('match');
  });

  it('keeps PIN and badge of one credentials version together, and drops the old ones with a new version', async () => {
    await store.credentials.remember(clerk, { pin: '4711' });
    await store.credentials.remember(clerk, { badge: 'BADGE-0001' });
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('match');
    expect((await store.credentials.checkBadge('BADGE-0001')).kind).toBe('match');
    await store.credentials.remember({ ...clerk, credentialsVersion: 4 }, { badge: 'BADGE-0001' });
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('unknown');
    expect((await store.credentials.checkBadge('BADGE-0001')).kind).toBe('match');
  });

  it('follows the feed: a rename is kept, an older version ignored, a newer one or a disabled user dropped', async () => {
    await store.credentials.remember(clerk, { pin: '4711' });
    const user = (data: object) => ({
      entity: 'user',
      entityId: 'u-clerk',
      op: 'upsert' as const,
      data: { id: 'u-clerk', name: '田中 花子', role: 'clerk', active: true, credentialsVersion: 3, ...data },
    });
    store.applyChanges([user({ name: '田中 はな子' }), user({ credentialsVersion: 2 })], 10);
    expect(await store.credentials.checkPin('u-clerk', '4711')).toMatchObject({ kind: 'match', user: { name: '田中 はな子' } });
    store.applyChanges([user({ credentialsVersion: 4 })], 11);
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('unknown');

    await store.credentials.remember(clerk, { pin: '4711' });
    store.applyChanges([user({ active: false })], 12);
    expect(store.credentials.rows()).toEqual([]);
  });

  it('survives a restart of the station (the table is part of the store schema)', async () => {
    await store.credentials.remember(clerk, { pin: '4711' });
    store.close();
    store = new StationStore(dir);
    expect((await store.credentials.checkPin('u-clerk', '4711')).kind).toBe('match');
  });
});

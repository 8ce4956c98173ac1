import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, changeUserCredentials, disableUser } from '../../server/services/users';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

interface FeedChange {
  seq: number;
  entity: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** Stations keep hashed credentials for sign-in with the hub away; the feed tells them when those go stale. */
describe.each(hubStoreFactories())('users on the changes feed, disabling and new credentials, on $dialect', (factory) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(factory);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  const userChanges = async (id: string): Promise<FeedChange[]> => {
    const feed = await hub.request('GET', '/api/v1/changes?since=0&limit=5000');
    expect(feed.status).toBe(200);
    return (feed.body.changes as FeedChange[]).filter((change) => change.entity === 'user' && change.entityId === id);
  };
  const signIn = (user: string, pin: string) => hub.request('POST', '/api/v1/sessions', { token: null, body: { user, pin } });

  it('publishes a staff user when added, given new credentials and disabled, without any PIN or badge', async () => {
    const id = await addUser(hub.hub.store.db, { name: '山田 倉庫', role: 'packer', pin: '482913', badge: 'BADGE-7731' });
    const signedIn = await signIn('山田 倉庫', '482913');
    expect(signedIn).toMatchObject({ status: 200, body: { user: { id, credentialsVersion: 1 } } });

    await changeUserCredentials(hub.hub.store.db, '山田 倉庫', { pin: '550066' });
    expect((await signIn('山田 倉庫', '482913')).status).toBe(401);
    expect(await signIn('山田 倉庫', '550066')).toMatchObject({ status: 200, body: { user: { credentialsVersion: 2 } } });

    await disableUser(hub.hub.store.db, id);
    expect(await signIn('山田 倉庫', '550066')).toMatchObject({ status: 401, body: { error: { code: 'bad-credentials' } } });
    // The session opened before is over, and the sign-in list leaves the user out.
    expect((await hub.request('GET', '/api/v1/me', { token: signedIn.body.token })).status).toBe(401);
    const list = await hub.request('GET', '/api/v1/users');
    expect(list.body.map((user: { id: string }) => user.id)).not.toContain(id);

    const changes = await userChanges(id);
    expect(changes.map((change) => change.data)).toEqual([
      { id, name: '山田 倉庫', role: 'packer', active: true, credentialsVersion: 1 },
      { id, name: '山田 倉庫', role: 'packer', active: true, credentialsVersion: 2 },
      { id, name: '山田 倉庫', role: 'packer', active: false, credentialsVersion: 2 },
    ]);
    const text = JSON.stringify(changes);
    for (const secret of ['482913', '550066', 'BADGE-7731', 'pin', 'badge', 'hash']) expect(text).not.toContain(secret);
  });

  it('keeps seller users off the floor feed, and refuses a badge another user has', async () => {
    const sellers = await hub.request('POST', '/api/v1/sellers', { body: { id: 'feed-shop', name: 'フィード商店', balanceJpy: 0 } });
    expect(sellers.status).toBe(201);
    const sellerUser = await addUser(hub.hub.store.db, { name: 'フィード商店 担当', role: 'seller', pin: '1234', sellerId: 'feed-shop' });
    expect(await userChanges(sellerUser)).toEqual([]);

    const first = await addUser(hub.hub.store.db, { name: '木村', role: 'clerk', pin: '1234', badge: 'BADGE-8001' });
    await addUser(hub.hub.store.db, { name: '中村', role: 'clerk', pin: '1234' });
    await expect(changeUserCredentials(hub.hub.store.db, '中村', { badge: 'BADGE-8001' })).rejects.toMatchObject({ code: 'duplicate' });
    expect((await userChanges(first)).length).toBe(1);
    await expect(disableUser(hub.hub.store.db, 'no-such-user')).rejects.toMatchObject({ code: 'not-found' });
  });
});

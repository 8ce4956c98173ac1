import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

describe.each(hubStoreFactories())('sellers and sign-in over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(factory);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('signs in with name and PIN and refuses a wrong PIN in the caller language', async () => {
    const token = await hub.tokenFor('clerk');
    expect(token).toMatch(/^[\w-]{20,}$/);
    const wrong = await hub.request('POST', '/api/v1/sessions', { token: null, body: { user: 'nobody', pin: '0000' }, language: 'en' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'bad-credentials', message: 'Wrong name or PIN.' } } });
    const japanese = await hub.request('POST', '/api/v1/sessions', { token: null, body: { user: 'nobody', pin: '0000' } });
    expect(japanese.body.error.message).toBe('名前または PIN が違います。');
  });

  it('refuses badge sign-in from anything but a station', async () => {
    const response = await hub.request('POST', '/api/v1/sessions', { token: null, body: { badge: 'BADGE-0001' } });
    expect(response).toMatchObject({ status: 403, body: { error: { code: 'badge-needs-station' } } });
  });

  it('creates sellers, tops up balances, and refuses bad input with every bad field named', async () => {
    expect((await hub.request('POST', '/api/v1/sellers', { body: { id: 'shop-a', name: 'ショップA', balanceJpy: 1000 } })).status).toBe(201);
    expect((await hub.request('POST', '/api/v1/sellers', { body: { id: 'shop-a', name: 'again' } })).status).toBe(409);
    const bad = await hub.request('POST', '/api/v1/sellers', { body: { id: 'bad id!', name: '<b>x</b>', balanceJpy: -5 }, language: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad-input');
    for (const field of ['id', 'name', 'balanceJpy']) expect(bad.body.error.message).toContain(field);
    const topped = await hub.request('POST', '/api/v1/sellers/shop-a/top-ups', { body: { amountJpy: 500 } });
    expect(topped.body.balanceJpy).toBe(1500);
  });

  it('shows a seller user only its own seller, and other sellers as not existing', async () => {
    await hub.request('POST', '/api/v1/sellers', { body: { id: 'shop-b', name: 'ショップB' } });
    const sellerToken = await hub.tokenFor('seller', 'shop-b');
    const list = await hub.request('GET', '/api/v1/sellers', { token: sellerToken });
    expect(list.body.map((seller: { id: string }) => seller.id)).toEqual(['shop-b']);
    expect((await hub.request('GET', '/api/v1/sellers/shop-a', { token: sellerToken })).status).toBe(404);
    expect((await hub.request('GET', '/api/v1/sellers/shop-b', { token: sellerToken })).status).toBe(200);
  });

  it('needs a session for everything but sign-in and the API document', async () => {
    expect((await hub.request('GET', '/api/v1/sellers', { token: null })).status).toBe(401);
    expect((await hub.request('GET', '/api/v1/sellers', { token: 'forged-token' })).status).toBe(401);
    const openapi = await hub.request('GET', '/api/openapi.json', { token: null });
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toContain('/api/v1/sellers');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '../../shared/contract/floor-events';
import { registerStation } from '../../server/services/stations';
import { addFloorUser } from '../support/floor-users';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

const adjust = (seq: number, sku: string, quantity: number): FloorEvent => ({
  eventId: randomUUID(),
  seq,
  kind: 'stock.adjusted',
  payload: { sku, quantity, reason: 'count' },
  occurredAt: new Date().toISOString(),
  userId: 'u-sync-supervisor',
});

describe.each(hubStoreFactories())('sync between stations and the hub on $dialect', (factory) => {
  let hub: TestHub;
  let sku: string;
  let stationAuth: Record<string, string>;
  let otherStationAuth: Record<string, string>;

  const push = (events: FloorEvent[], headers = stationAuth) => hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events } });
  const balance = async () => (await hub.hub.store.db.selectFrom('stock_balances').select('quantity').where('sku', '=', sku).executeTakeFirst())?.quantity ?? 0;

  beforeAll(async () => {
    hub = await startTestHub(factory);
    [sku] = (await seedSellerWithSkus(hub.hub.store.db, { sellerId: 'shop-sync', inventoryCode: '300000000101', stock: 10 })) as [string];
    await addFloorUser(hub.hub.store.db, 'u-sync-supervisor', 'supervisor');
    const secret = await registerStation(hub.hub.store.db, { id: 'st-1', name: 'Dock 1', branchCode: tokyo });
    stationAuth = { authorization: `Station st-1:${secret}` };
    const otherSecret = await registerStation(hub.hub.store.db, { id: 'st-seoul', name: 'Seoul', branchCode: '0000000082' });
    otherStationAuth = { authorization: `Station st-seoul:${otherSecret}` };
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('applies each event once: a duplicate push is acknowledged without effect', async () => {
    const events = [adjust(1, sku, 5), adjust(2, sku, -2)];
    expect((await push(events)).body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(await balance()).toBe(13);
    expect((await push(events)).body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await balance()).toBe(13);
  });

  it('applies a reordered batch in the station order, and defers events after a gap', async () => {
    const [e3, e4, e5] = [adjust(3, sku, 1), adjust(4, sku, 1), adjust(5, sku, 1)];
    const gap = await push([e5!]);
    expect(gap.body.results[0]).toMatchObject({ status: 'deferred', reason: 'event-gap' });
    expect(await balance()).toBe(13);
    const reordered = await push([e5!, e3!, e4!]);
    expect(reordered.body.results.map((r: { seq: number; status: string }) => `${r.seq}:${r.status}`)).toEqual(['3:applied', '4:applied', '5:applied']);
    expect(reordered.body.lastSeq).toBe(5);
    expect(await balance()).toBe(16);
  });

  it('rejects an event that would make stock negative, with its reason, and goes on with the next', async () => {
    const response = await push([adjust(6, sku, -1000), adjust(7, sku, -6)], { ...stationAuth, 'accept-language': 'en' });
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', reason: 'negative-stock' });
    expect(response.body.results[0].message).toContain('Not enough stock');
    expect(response.body.results[1]).toMatchObject({ status: 'applied' });
    expect(await balance()).toBe(10);
  });

  it('rejects malformed and unknown events, and a reused sequence number', async () => {
    const unknownKind = { ...adjust(8, sku, 1), kind: 'teleport' };
    const badPayload = { ...adjust(9, sku, 1), payload: { sku: 'nope', quantity: 0 } };
    const reused = adjust(2, sku, 100);
    const response = await push([unknownKind, badPayload, reused]);
    const byseq = Object.fromEntries(response.body.results.map((r: { seq: number; reason: string }) => [r.seq, r.reason]));
    expect(byseq).toEqual({ 2: 'event-seq-reused', 8: 'unknown-event-kind', 9: 'bad-event-payload' });
    expect(await balance()).toBe(10);
    const malformed = await push([{ eventId: 'not-a-uuid', seq: 0 } as never]);
    expect(malformed.status).toBe(400);
  });

  it('keeps stations to their own role and branch', async () => {
    expect((await hub.request('POST', '/api/v1/station-events', { body: { events: [adjust(10, sku, 1)] } })).status).toBe(403);
    expect((await push([adjust(10, sku, 1)], { authorization: 'Station st-1:wrong-secret' })).status).toBe(401);
    const own = await hub.request('GET', '/api/v1/changes?since=0', { token: null, headers: stationAuth });
    expect(own.body.changes.some((change: { entity: string }) => change.entity === 'stock')).toBe(true);
    const other = await hub.request('GET', '/api/v1/changes?since=0', { token: null, headers: otherStationAuth });
    expect(other.body.changes.some((change: { branchCode: string | null }) => change.branchCode === tokyo)).toBe(false);
  });

  it('feeds changes in sequence order from any cursor', async () => {
    const all = await hub.request('GET', '/api/v1/changes?since=0&limit=5000', { token: null, headers: stationAuth });
    const seqs = all.body.changes.map((change: { seq: number }) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    const middle = seqs[Math.floor(seqs.length / 2)];
    const rest = await hub.request('GET', `/api/v1/changes?since=${middle}`, { token: null, headers: stationAuth });
    expect(rest.body.changes.map((change: { seq: number }) => change.seq)).toEqual(seqs.filter((seq: number) => seq > middle));
    const last = all.body.changes.at(-1);
    expect(last).toMatchObject({ entity: 'stock', data: { sku, quantity: 10 } });
  });
  it('refuses an event from a user the hub does not know, a disabled one, one whose role may not do it, or none, and applies nothing', async () => {
    await addFloorUser(hub.hub.store.db, 'u-sync-clerk', 'clerk');
    await addFloorUser(hub.hub.store.db, 'u-sync-gone', 'supervisor', { disabled: true });
    const as = (seq: number, userId: string | null): FloorEvent => ({ ...adjust(seq, sku, 1), userId });
    const response = await push([as(10, 'u-made-up'), as(11, 'u-sync-gone'), as(12, 'u-sync-clerk'), as(13, null)], {
      ...stationAuth,
      'accept-language': 'ja',
    });
    expect(response.body.results.map((r: { status: string; reason: string }) => `${r.status}:${r.reason}`)).toEqual([
      'rejected:event-user-unknown',
      'rejected:event-user-disabled',
      'rejected:event-user-role',
      'rejected:event-user-missing',
    ]);
    expect(response.body.results[0].message).toContain('u-made-up');
    expect(response.body.results[2].message).toBe('clerk u-sync-clerk さん（役割: clerk）はイベント stock.adjusted を行えません。');
    expect(await balance()).toBe(10);
    // The refused events keep their places: the station goes on with the next.
    expect((await push([as(14, 'u-sync-supervisor')])).body.results[0]).toMatchObject({ status: 'applied' });
    expect(await balance()).toBe(11);
  });
});

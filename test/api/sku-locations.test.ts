import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '../../shared/contract/floor-events';
import { branches } from '../../shared/domain/identifiers';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { addFloorUser } from '../support/floor-users';
import { startTestHub, type TestHub } from '../support/hub-server';
import { sellerWithSkus } from '../support/order-fixtures';

const seoul = branches.qxpressKoreaSeoul;
type PushResult = { eventId: string; seq: number; status: string; reason: string | null; message: string | null };
type Change = { seq: number; entity: string; entityId: string; op: string; branchCode: string | null; sellerId: string | null; data: unknown };

interface FloorStation {
  headers: Record<string, string>;
  event(payload: unknown, kind?: string): FloorEvent;
  push(events: FloorEvent[], language?: string): Promise<PushResult[]>;
  changes(): Promise<Change[]>;
}

describe.each(hubStoreFactories())('putaway: SKU locations on $dialect', (factory) => {
  let hub: TestHub;
  let dock: FloorStation;
  let seoulDock: FloorStation;
  let shopCount = 0;
  const db = () => hub.hub.store.db;
  const locationRows = (sku: string) => db().selectFrom('sku_locations').selectAll().where('sku', '=', sku).orderBy('branch_code').execute();

  async function floorStation(id: string, branchCode: string): Promise<FloorStation> {
    const headers = { authorization: `Station ${id}:${await registerStation(db(), { id, name: id, branchCode })}` };
    let seq = 0;
    return {
      headers,
      event: (payload, kind = 'sku.located') => ({ eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId: 'u-clerk' }),
      async push(events, language = 'ja') {
        const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events }, language });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.results;
      },
      async changes() {
        const response = await hub.request('GET', '/api/v1/changes?since=0&limit=5000', { token: null, headers });
        expect(response.status).toBe(200);
        return response.body.changes;
      },
    };
  }
  const shop = async (count = 2) => {
    const sellerId = `put-${++shopCount}`;
    return { sellerId, skus: await sellerWithSkus(db(), sellerId, count) };
  };

  beforeAll(async () => {
    hub = await startTestHub(factory);
    // The hub checks who each pushed event names (server/sync/event-user.ts).
    await addFloorUser(hub.hub.store.db, 'u-clerk', 'clerk');
    dock = await floorStation('put-1', tokyo);
    seoulDock = await floorStation('put-seoul', seoul);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it("applies sku.located exactly once: one row at the station's branch, one change in that branch's feed", async () => {
    const { sellerId, skus } = await shop(1);
    const sku = skus[0]!;
    const event = dock.event({ sku, bin: 'A-01-02-03' });
    expect(await dock.push([event])).toMatchObject([{ status: 'applied', reason: null }]);
    // Pushed again (the station never heard the answer): acknowledged, nothing more happens.
    expect(await dock.push([event])).toMatchObject([{ status: 'duplicate' }]);

    const rows = await locationRows(sku);
    expect(rows).toEqual([{ branch_code: tokyo, sku, bin: 'A-01-02-03', updated_at: expect.any(String), updated_by: 'u-clerk' }]);
    const feed = (await dock.changes()).filter((change) => change.entity === 'sku-location' && change.entityId === `${tokyo}/${sku}`);
    expect(feed).toEqual([
      expect.objectContaining({
        op: 'upsert',
        branchCode: tokyo,
        sellerId,
        data: { branchCode: tokyo, sku, bin: 'A-01-02-03', updatedAt: rows[0]!.updated_at },
      }),
    ]);
    // Another branch's stations do not receive it.
    expect((await seoulDock.changes()).some((change) => change.entity === 'sku-location' && change.entityId.includes(sku))).toBe(false);
  });

  it('moves a SKU: the last placement wins, per branch', async () => {
    const { skus } = await shop(1);
    const sku = skus[0]!;
    await dock.push([dock.event({ sku, bin: 'B-01-01-01' }), dock.event({ sku, bin: 'C-02-03-04' })]);
    await seoulDock.push([seoulDock.event({ sku, bin: 'K-01-01-01' })]);
    const rows = await locationRows(sku);
    expect(new Map(rows.map((row) => [row.branch_code, row.bin]))).toEqual(
      new Map([
        [tokyo, 'C-02-03-04'],
        [seoul, 'K-01-01-01'],
      ]),
    );
    const feed = (await dock.changes()).filter((change) => change.entityId === `${tokyo}/${sku}`);
    expect(feed.map((change) => (change.data as { bin: string }).bin)).toEqual(['B-01-01-01', 'C-02-03-04']);
  });

  it('refuses an unknown SKU and a bad bin, writing nothing, and says why in the station language', async () => {
    const before = await db()
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const [unknown] = await dock.push([dock.event({ sku: '399999999999-00001', bin: 'A-01-01-01' })], 'en');
    expect(unknown).toMatchObject({ status: 'rejected', reason: 'not-found' });
    expect(unknown?.message).toContain('399999999999-00001');
    const { skus } = await shop(1);
    const [badBin] = await dock.push([dock.event({ sku: skus[0], bin: '4901234567894' })]);
    expect(badBin).toMatchObject({ status: 'rejected', reason: 'bad-event-payload' });
    expect(await locationRows('399999999999-00001')).toEqual([]);
    expect(await locationRows(skus[0]!)).toEqual([]);
    const after = await db()
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lists a branch in walking order for staff; a seller sees only its own SKUs', async () => {
    const mine = await shop(3);
    const theirs = await shop(1);
    await dock.push([
      dock.event({ sku: mine.skus[0], bin: 'Q-02-01-01' }),
      dock.event({ sku: mine.skus[1], bin: 'Q-01-05-01' }),
      dock.event({ sku: mine.skus[2], bin: 'P-09-09-09' }),
      dock.event({ sku: theirs.skus[0], bin: 'Q-01-01-01' }),
    ]);
    const clerk = await hub.tokenFor('clerk');
    const all = await hub.request('GET', `/api/v1/sku-locations?branchCode=${tokyo}`, { token: clerk });
    expect(all.status).toBe(200);
    const ours = all.body.filter((row: { sku: string }) => [...mine.skus, ...theirs.skus].includes(row.sku));
    expect(ours.map((row: { bin: string }) => row.bin)).toEqual(['P-09-09-09', 'Q-01-01-01', 'Q-01-05-01', 'Q-02-01-01']);
    expect(ours[0]).toEqual({ branchCode: tokyo, sku: mine.skus[2], bin: 'P-09-09-09', updatedAt: expect.any(String), updatedBy: 'u-clerk' });

    const one = await hub.request('GET', `/api/v1/sku-locations?branchCode=${tokyo}&sku=${mine.skus[1]}`, { token: clerk });
    expect(one.body.map((row: { bin: string }) => row.bin)).toEqual(['Q-01-05-01']);

    const seller = await hub.tokenFor('seller', mine.sellerId);
    const own = await hub.request('GET', `/api/v1/sku-locations?branchCode=${tokyo}`, { token: seller });
    expect(own.status).toBe(200);
    expect(own.body.map((row: { sku: string }) => row.sku).sort()).toEqual([...mine.skus].sort());
    // Naming another seller is answered as if it did not exist.
    expect((await hub.request('GET', `/api/v1/sku-locations?branchCode=${tokyo}&sellerId=${theirs.sellerId}`, { token: seller })).status).toBe(404);

    expect((await hub.request('GET', '/api/v1/sku-locations', { token: clerk })).status).toBe(400);
    expect((await hub.request('GET', `/api/v1/sku-locations?branchCode=${seoul}`, { token: clerk })).body).toEqual(expect.any(Array));
  });
});

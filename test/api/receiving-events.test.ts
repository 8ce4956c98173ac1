import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { FloorEvent, FloorEventKind, floorEventPayloads } from '../../shared/contract/floor-events';
import { branches } from '../../shared/domain/identifiers';
import { defaultFeeSchedule } from '../../shared/domain/fees';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { confirmBundle, createBundle, registerInboundLines, shipBundle, type BundleView } from '../../server/services/inbound';
import { registerStation } from '../../server/services/stations';
import type { HubDatabase } from '../../server/storage/schema';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { addFloorUser } from '../support/floor-users';
import { startTestHub, type TestHub } from '../support/hub-server';
import { rowCount } from '../support/row-count';

const seoul = branches.qxpressKoreaSeoul;
const anywhere = { onlySeller: null, onlyBranch: null };
// SKUs seeded without a size are billed as the smallest unit, each unit also labelled.
const feePerUnit = { inHousing: defaultFeeSchedule.inHousingPerUnit.small, labelling: defaultFeeSchedule.skuLabellingPerUnit };

type Payload<K extends FloorEventKind> = z.input<(typeof floorEventPayloads)[K]>;

interface PushAnswer {
  status: number;
  results: { eventId: string; seq: number; status: string; reason: string | null; message: string | null }[];
}

/** A floor station as the hub sees it: its credentials and its own gap-free event sequence. */
interface FloorStation {
  event<K extends FloorEventKind>(kind: K, payload: Payload<K>): FloorEvent;
  push(events: FloorEvent[], language?: string): Promise<PushAnswer>;
  auth: Record<string, string>;
}

describe.each(hubStoreFactories())('receiving and inspection events from the floor on $dialect', (factory) => {
  let hub: TestHub;
  let dock: FloorStation;
  let bench: FloorStation;
  let seoulDock: FloorStation;
  let richSkus: string[];
  let poorSku: string;
  let seoulSku: string;

  const db = () => hub.hub.store.db;
  const count = (table: keyof HubDatabase) => rowCount(db(), table);
  const bundle = async (id: string): Promise<BundleView> => (await hub.request('GET', `/api/v1/bundles/${id}`)).body;
  const counted = async (id: string) => (await bundle(id)).lines.map((line) => line.counted);
  const balanceOf = async (sellerId: string) =>
    (await db().selectFrom('sellers').select('balance_jpy').where('id', '=', sellerId).executeTakeFirstOrThrow()).balance_jpy;
  const movementsOf = (bundleId: string) =>
    db().selectFrom('stock_movements').select(['sku', 'kind', 'quantity']).where('reference', '=', bundleId).orderBy('id').execute();
  const chargesOf = (bundleId: string) =>
    db().selectFrom('fee_charges').select(['seller_id', 'kind', 'amount_jpy']).where('reference', '=', bundleId).orderBy('id').execute();
  const stockOf = async (sku: string) =>
    (await db().selectFrom('stock_balances').select('quantity').where('sku', '=', sku).where('branch_code', '=', tokyo).executeTakeFirst())?.quantity ?? 0;
  const statuses = (answer: PushAnswer) => answer.results.map((result) => result.status);

  async function floorStation(id: string, branchCode: string): Promise<FloorStation> {
    const auth = { authorization: `Station ${id}:${await registerStation(db(), { id, name: id, branchCode })}` };
    let seq = 0;
    return {
      auth,
      event: (kind, payload) => ({ eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId: 'clerk-1' }),
      async push(events, language = 'ja') {
        const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers: auth, body: { events }, language });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return { status: response.status, results: response.body.results };
      },
    };
  }

  /** A bundle the seller registered and shipped and the warehouse confirmed, prepared through the inbound services. */
  async function shippedBundle(
    sellerId: string,
    lines: { sku: string; quantity: number }[],
    branchCode: string = tokyo,
    stopAt: 'confirmed' | 'shipped' = 'shipped',
  ) {
    const registered = await db()
      .transaction()
      .execute((trx) =>
        registerInboundLines(
          trx,
          sellerId,
          lines.map((line) => ({ ...line, branchCode })),
        ),
      );
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const lineIds = registered.lines.map((line) => line.id);
    const { id } = await createBundle(db(), sellerId, { lineIds, estimatedArrival: tokyoDate(new Date()) });
    await db()
      .transaction()
      .execute((trx) => confirmBundle(trx, id, anywhere));
    if (stopAt === 'shipped')
      await db()
        .transaction()
        .execute((trx) => shipBundle(trx, id, anywhere, { carrier: 'ヤマト運輸', trackingNo: '4455-6677-8899', boxCount: 2 }));
    return { id, lineIds };
  }

  async function arrivedBundle(sellerId: string, lines: { sku: string; quantity: number }[]) {
    const shipped = await shippedBundle(sellerId, lines);
    expect(statuses(await dock.push([dock.event('bundle.arrived', { bundleId: shipped.id, boxesReceived: 2 })]))).toEqual(['applied']);
    return shipped;
  }

  const scan = (station: FloorStation, bundleId: string, lineId: string) =>
    station.event('inspection.counted', { bundleId, lineId, quantity: 1, source: 'scan' });

  beforeAll(async () => {
    hub = await startTestHub(factory);
    // The hub checks who each pushed event names (server/sync/event-user.ts).
    await addFloorUser(hub.hub.store.db, 'clerk-1', 'clerk');
    richSkus = await seedSellerWithSkus(db(), { sellerId: 'shop-rich', inventoryCode: '300000000201', optionCount: 3, balanceJpy: 100_000 });
    [poorSku] = (await seedSellerWithSkus(db(), { sellerId: 'shop-poor', inventoryCode: '300000000202', balanceJpy: 100 })) as [string];
    [seoulSku] = (await seedSellerWithSkus(db(), { sellerId: 'shop-kr', inventoryCode: '300000000203' })) as [string];
    dock = await floorStation('dock-1', tokyo);
    bench = await floorStation('bench-1', tokyo);
    seoulDock = await floorStation('dock-seoul', seoul);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('marks a shipped bundle arrived when the dock scans it, with the boxes received, and tells the branch', async () => {
    const { id } = await shippedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 4 }]);
    expect(statuses(await dock.push([dock.event('bundle.arrived', { bundleId: id, boxesReceived: 2 })]))).toEqual(['applied']);
    const arrived = await bundle(id);
    expect(arrived).toMatchObject({ state: 'arrived', boxesReceived: 2, holdReason: null, late: false });
    expect(arrived.arrivedAt).not.toBeNull();
    const feed = await hub.request('GET', '/api/v1/changes?since=0&limit=5000', { token: null, headers: bench.auth });
    const bundleChanges = feed.body.changes.filter((change: { entity: string; entityId: string }) => change.entity === 'bundle' && change.entityId === id);
    expect(bundleChanges.at(-1).data).toMatchObject({ state: 'arrived', boxesReceived: 2 });
  });

  it('refuses the arrival of a bundle that is not shipped, or already arrived, with the reason in the clerk’s language', async () => {
    const confirmed = await shippedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }], tokyo, 'confirmed');
    const early = await dock.push([dock.event('bundle.arrived', { bundleId: confirmed.id, boxesReceived: 1 })], 'en');
    expect(early.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'illegal-transition',
      message: `Cargo bundle ${confirmed.id} cannot go from "confirmed" to "arrived".`,
    });
    expect((await bundle(confirmed.id)).state).toBe('confirmed');

    const shipped = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }]);
    const again = await bench.push([bench.event('bundle.arrived', { bundleId: shipped.id, boxesReceived: 3 })]);
    expect(again.results[0]).toMatchObject({ status: 'rejected', reason: 'already-in-state' });
    expect(await bundle(shipped.id)).toMatchObject({ state: 'arrived', boxesReceived: 2 });
  });

  it("answers another branch's bundle as not found, to arrival and to inspection alike", async () => {
    const { id, lineIds } = await shippedBundle('shop-kr', [{ sku: seoulSku, quantity: 2 }], seoul);
    const answer = await dock.push([dock.event('bundle.arrived', { bundleId: id, boxesReceived: 1 }), scan(dock, id, lineIds[0]!)], 'en');
    expect(answer.results.map((result) => [result.status, result.reason])).toEqual([
      ['rejected', 'not-found'],
      ['rejected', 'not-found'],
    ]);
    expect(answer.results[0]!.message).toBe(`bundle ${id} was not found.`);
    expect(await bundle(id)).toMatchObject({ state: 'shipped', boxesReceived: 0 });
    // The bundle's own branch may receive it: the refusal was about the branch, not the bundle.
    expect(statuses(await seoulDock.push([seoulDock.event('bundle.arrived', { bundleId: id, boxesReceived: 1 })]))).toEqual(['applied']);
  });

  it('adds up scans, an undo and a keyed count per line exactly as sent, and a second push of them changes nothing', async () => {
    const { id, lineIds } = await arrivedBundle('shop-rich', [
      { sku: richSkus[0]!, quantity: 10 },
      { sku: richSkus[1]!, quantity: 5 },
    ]);
    const [first, second] = lineIds as [string, string];
    expect(await counted(id)).toEqual([null, null]);
    const events = [
      ...Array.from({ length: 8 }, () => scan(bench, id, first)),
      ...Array.from({ length: 4 }, () => scan(bench, id, second)),
      bench.event('inspection.counted', { bundleId: id, lineId: first, quantity: -1, source: 'undo' }),
      bench.event('inspection.counted', { bundleId: id, lineId: second, quantity: 3, source: 'key' }),
    ];
    expect(statuses(await bench.push(events))).toEqual(Array(14).fill('applied'));
    expect(await counted(id)).toEqual([7, 7]);

    // Other stations and the supervisor follow the progress through the changes feed.
    const feed = await hub.request('GET', '/api/v1/changes?since=0&limit=5000', { token: null, headers: dock.auth });
    const latest = feed.body.changes.filter((change: { entity: string; entityId: string }) => change.entity === 'bundle' && change.entityId === id).at(-1);
    expect(latest.data.lines.map((line: { counted: number }) => line.counted)).toEqual([7, 7]);

    const before = { receipts: await count('station_events'), changes: await count('changes') };
    expect(statuses(await bench.push(events))).toEqual(Array(14).fill('duplicate'));
    expect(await counted(id)).toEqual([7, 7]);
    expect({ receipts: await count('station_events'), changes: await count('changes') }).toEqual(before);
  });

  it('refuses a count on a line of another bundle, a count below zero, and a count before arrival, changing nothing', async () => {
    const { id, lineIds } = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 2 }]);
    const other = await shippedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 2 }]);
    const [line] = lineIds as [string];
    const answer = await bench.push(
      [
        scan(bench, id, line),
        scan(bench, id, other.lineIds[0]!),
        bench.event('inspection.counted', { bundleId: id, lineId: line, quantity: -2, source: 'key' }),
        scan(bench, other.id, other.lineIds[0]!),
      ],
      'en',
    );
    expect(answer.results.map((result) => result.reason)).toEqual([null, 'line-not-in-bundle', 'negative-count', 'inspection-not-open']);
    expect(answer.results[2]!.message).toBe(`The count of inbound line ${line} (SKU ${richSkus[0]}) cannot go below zero (counted 1, change -2).`);
    expect(answer.results[3]!.message).toContain('(state: shipped)');
    expect(await counted(id)).toEqual([1]);
    expect(await counted(other.id)).toEqual([null]);
  });

  it("notes unknown items and another seller's items found in the bundle, without stocking them", async () => {
    const { id } = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }]);
    const unknown = bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'unknown-item', quantity: 2, note: 'ラベルなし' });
    const foreign = bench.event('inspection.found', { bundleId: id, code: poorSku, kind: 'wrong-seller', quantity: 1, note: null });
    expect(statuses(await bench.push([unknown, foreign]))).toEqual(['applied', 'applied']);

    const findings = await hub.request('GET', `/api/v1/bundles/${id}/findings`, { token: await hub.tokenFor('clerk') });
    expect(findings.status).toBe(200);
    expect(
      findings.body.map(({ kind, lineId, code, quantity, note, stationEventId }: Record<string, unknown>) => ({
        kind,
        lineId,
        code,
        quantity,
        note,
        stationEventId,
      })),
    ).toEqual([
      { kind: 'unknown-item', lineId: null, code: '4901234567894', quantity: 2, note: 'ラベルなし', stationEventId: unknown.eventId },
      { kind: 'wrong-seller', lineId: null, code: poorSku, quantity: 1, note: null, stationEventId: foreign.eventId },
    ]);
    const feed = await hub.request('GET', '/api/v1/changes?since=0&limit=5000', { token: null, headers: dock.auth });
    const noted = feed.body.changes.filter(
      (change: { entity: string; data: { bundleId: string } }) => change.entity === 'inspection-finding' && change.data.bundleId === id,
    );
    expect(noted.map((change: { data: { kind: string } }) => change.data.kind)).toEqual(['unknown-item', 'wrong-seller']);
    expect(await stockOf(poorSku)).toBe(0);
    // The Seoul station does not see Tokyo's bundles, nor their findings.
    expect((await hub.request('GET', `/api/v1/bundles/${id}/findings`, { token: null, headers: seoulDock.auth })).status).toBe(404);
  });

  it('takes a find back with a negative find (the clerk undid it), once, and never more than was found', async () => {
    const { id } = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }]);
    const found = bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'unknown-item', quantity: 1, note: null });
    const undone = bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'unknown-item', quantity: -1, note: 'undo' });
    // Another kind of the same code, and a second take-back of the one find: refused, nothing recorded.
    const otherKind = bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'wrong-seller', quantity: -1, note: 'undo' });
    const again = bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'unknown-item', quantity: -1, note: 'undo' });
    const answer = await bench.push([found, undone, otherKind, again], 'en');
    expect(answer.results.map((result) => result.reason)).toEqual([null, null, 'finding-not-recorded', 'finding-not-recorded']);
    expect(answer.results[3]!.message).toBe(`Cargo bundle ${id} has no find of "4901234567894" left to take back (found 0, change -1).`);
    const rows = async () =>
      (await hub.request('GET', `/api/v1/bundles/${id}/findings`)).body.map(({ code, quantity, stationEventId }: Record<string, unknown>) => ({
        code,
        quantity,
        stationEventId,
      }));
    expect(await rows()).toEqual([
      { code: '4901234567894', quantity: 1, stationEventId: found.eventId },
      { code: '4901234567894', quantity: -1, stationEventId: undone.eventId },
    ]);
    // Sent again (an outbox replayed after a lost answer): applied once, nothing more.
    expect(statuses(await bench.push([found, undone]))).toEqual(['duplicate', 'duplicate']);
    expect(await rows()).toHaveLength(2);
    // An older station's positive find still applies as before.
    expect(statuses(await bench.push([bench.event('inspection.found', { bundleId: id, code: 'X-1', kind: 'unknown-item', quantity: 3, note: null })]))).toEqual(
      ['applied'],
    );
  });

  it('finishes inspection: the counted units go to stock, the fees are charged by the schedule, the reasons are kept', async () => {
    const { id, lineIds } = await arrivedBundle('shop-rich', [
      { sku: richSkus[0]!, quantity: 10 },
      { sku: richSkus[1]!, quantity: 5 },
      { sku: richSkus[2]!, quantity: 3 },
    ]);
    const [short, over, missing] = lineIds as [string, string, string];
    const stockBefore = await Promise.all(richSkus.map(stockOf));
    const balanceBefore = await balanceOf('shop-rich');
    const counts = [
      bench.event('inspection.counted', { bundleId: id, lineId: short, quantity: 7, source: 'key' }),
      ...Array.from({ length: 6 }, () => scan(bench, id, over)),
      bench.event('inspection.found', { bundleId: id, code: '4900000000000', kind: 'unknown-item', quantity: 1, note: null }),
    ];
    const reasons = [
      { lineId: short, reason: 'short' as const, note: '3 点不足' },
      { lineId: over, reason: 'over' as const, note: null },
      { lineId: missing, reason: 'other' as const, note: '未着' },
    ];
    const finish = bench.event('inspection.finished', { bundleId: id, reasons });
    expect(statuses(await bench.push([...counts, finish]))).toEqual(Array(9).fill('applied'));

    const completed = await bundle(id);
    expect(completed).toMatchObject({ state: 'completed', holdReason: null });
    expect(completed.lines.map((line) => line.counted)).toEqual([7, 6, 0]);
    expect(await movementsOf(id)).toEqual([
      { sku: richSkus[0], kind: 'inbound', quantity: 7 },
      { sku: richSkus[1], kind: 'inbound', quantity: 6 },
    ]);
    expect(await Promise.all(richSkus.map(stockOf))).toEqual([stockBefore[0]! + 7, stockBefore[1]! + 6, stockBefore[2]]);
    const units = 7 + 6;
    expect(await chargesOf(id)).toEqual([
      { seller_id: 'shop-rich', kind: 'in-housing', amount_jpy: -units * feePerUnit.inHousing },
      { seller_id: 'shop-rich', kind: 'labelling', amount_jpy: -units * feePerUnit.labelling },
    ]);
    expect(await balanceOf('shop-rich')).toBe(balanceBefore - units * (feePerUnit.inHousing + feePerUnit.labelling));

    const findings = (await hub.request('GET', `/api/v1/bundles/${id}/findings`)).body;
    expect(findings.map(({ kind, lineId, code, quantity, note }: Record<string, unknown>) => ({ kind, lineId, code, quantity, note }))).toEqual([
      { kind: 'unknown-item', lineId: null, code: '4900000000000', quantity: 1, note: null },
      { kind: 'line-reason', lineId: short, code: 'short', quantity: -3, note: '3 点不足' },
      { kind: 'line-reason', lineId: over, code: 'over', quantity: 1, note: null },
      { kind: 'line-reason', lineId: missing, code: 'other', quantity: -3, note: '未着' },
    ]);
  });

  it('refuses a finish whose reasons name a line outside the bundle, and completes nothing', async () => {
    const { id, lineIds } = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }]);
    const stranger = await shippedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 1 }]);
    const answer = await bench.push([
      scan(bench, id, lineIds[0]!),
      bench.event('inspection.finished', { bundleId: id, reasons: [{ lineId: stranger.lineIds[0]!, reason: 'mixed', note: null }] }),
    ]);
    expect(answer.results.map((result) => result.reason)).toEqual([null, 'line-not-in-bundle']);
    expect(await bundle(id)).toMatchObject({ state: 'arrived', holdReason: null });
    expect(await movementsOf(id)).toEqual([]);
    expect(await chargesOf(id)).toEqual([]);
  });

  it('holds the bundle of a seller short of balance: the finish is refused, the hold reason stays, nothing is stocked or charged', async () => {
    const { id, lineIds } = await arrivedBundle('shop-poor', [{ sku: poorSku, quantity: 10 }]);
    const [line] = lineIds as [string];
    const fees = 10 * (feePerUnit.inHousing + feePerUnit.labelling);
    const keyed = bench.event('inspection.counted', { bundleId: id, lineId: line, quantity: 10, source: 'key' });
    const finish = bench.event('inspection.finished', { bundleId: id, reasons: [{ lineId: line, reason: 'damaged', note: null }] });
    const answer = await bench.push([keyed, finish], 'en');
    expect(answer.results[0]!.status).toBe('applied');
    expect(answer.results[1]).toMatchObject({ status: 'rejected', reason: 'insufficient-balance' });
    expect(answer.results[1]!.message).toBe(
      `Cargo bundle ${id} is on hold: fees of ${fees} JPY (in-housing ${10 * feePerUnit.inHousing} JPY, labelling ${10 * feePerUnit.labelling} JPY) exceed the Q-cash balance of 100 JPY.`,
    );
    expect(await bundle(id)).toMatchObject({ state: 'arrived', holdReason: 'insufficient-balance', completedAt: null });
    expect(await counted(id)).toEqual([10]);
    expect(await movementsOf(id)).toEqual([]);
    expect(await stockOf(poorSku)).toBe(0);
    expect(await chargesOf(id)).toEqual([]);
    expect(await balanceOf('shop-poor')).toBe(100);
    const receipt = await db().selectFrom('station_events').select(['outcome', 'reason']).where('event_id', '=', finish.eventId).executeTakeFirstOrThrow();
    expect(receipt).toEqual({ outcome: 'rejected', reason: 'insufficient-balance' });
    // Its reasons are not kept either: the clerk sends them again with the finish that completes.
    expect((await hub.request('GET', `/api/v1/bundles/${id}/findings`)).body).toEqual([]);
    // The refused finish is answered once: sent again, it neither completes nor holds anything anew.
    const changes = await count('changes');
    expect(statuses(await bench.push([finish]))).toEqual(['duplicate']);
    expect(await count('changes')).toBe(changes);

    // Topped up, the next finish completes the same counts and clears the hold.
    expect((await hub.request('POST', '/api/v1/sellers/shop-poor/top-ups', { body: { amountJpy: fees } })).status).toBe(200);
    expect(statuses(await bench.push([bench.event('inspection.finished', { bundleId: id, reasons: [] })]))).toEqual(['applied']);
    expect(await bundle(id)).toMatchObject({ state: 'completed', holdReason: null });
    expect(await stockOf(poorSku)).toBe(10);
    expect(await balanceOf('shop-poor')).toBe(100);
  });

  it('refuses counts, findings and another finish once the bundle is completed', async () => {
    const { id, lineIds } = await arrivedBundle('shop-rich', [{ sku: richSkus[0]!, quantity: 2 }]);
    const [line] = lineIds as [string];
    expect(
      statuses(await bench.push([scan(bench, id, line), scan(bench, id, line), bench.event('inspection.finished', { bundleId: id, reasons: [] })])),
    ).toEqual(['applied', 'applied', 'applied']);
    const stock = await stockOf(richSkus[0]!);
    const answer = await bench.push(
      [
        scan(bench, id, line),
        bench.event('inspection.found', { bundleId: id, code: '4901234567894', kind: 'unknown-item', quantity: 1, note: null }),
        bench.event('inspection.finished', { bundleId: id, reasons: [] }),
      ],
      'en',
    );
    expect(answer.results.map((result) => [result.status, result.reason])).toEqual([
      ['rejected', 'inspection-not-open'],
      ['rejected', 'inspection-not-open'],
      ['rejected', 'already-in-state'],
    ]);
    expect(answer.results[0]!.message).toBe(`Cargo bundle ${id} is not open for inspection (state: completed). Only an arrived bundle can be inspected.`);
    expect(await counted(id)).toEqual([2]);
    expect(await stockOf(richSkus[0]!)).toBe(stock);
    expect(await movementsOf(id)).toEqual([{ sku: richSkus[0], kind: 'inbound', quantity: 2 }]);
  });
});

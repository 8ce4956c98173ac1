import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { confirmBundle, createBundle, registerInboundLines, shipBundle } from '../../server/services/inbound';
import { postMovement, postTransfer } from '../../server/services/stock-ledger';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, orderByNo, qoo10Line, sellerWithSkus, stock } from '../support/order-fixtures';
import { balanceOf, person, pushingStation, type PushingStation } from '../support/stock-fixtures';

const anywhere = { onlySeller: null, onlyBranch: null };

/** Damaged stock: held apart from sellable stock per SKU and branch, never allocated, released by a supervisor. */
describe.each(hubStoreFactories())('damaged stock on $dialect', (factory) => {
  let hub: TestHub;
  let dock: PushingStation;
  let clerk: string;
  let shopCount = 0;

  const db = () => hub.hub.store.db;
  const freshSku = async () => {
    const sellerId = `damaged-${++shopCount}`;
    const [sku] = (await sellerWithSkus(db(), sellerId, 1)) as [string];
    return { sellerId, sku };
  };
  /** `damaged` of the SKU's sellable units moved to damaged stock, as a count with reason damaged would. */
  const damage = (sku: string, units: number) =>
    db()
      .transaction()
      .execute((trx) => postTransfer(trx, { sku, branchCode: tokyo, kind: 'damage', units, reference: 'test' }));

  beforeAll(async () => {
    hub = await startTestHub(factory);
    dock = await pushingStation(hub, 'damaged-dock', tokyo);
    clerk = await person(hub, 'clerk');
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('receives the units inspection found damaged as damaged stock, the rest sellable', async () => {
    const { sellerId, sku } = await freshSku();
    const registered = await db()
      .transaction()
      .execute((trx) => registerInboundLines(trx, sellerId, [{ sku, quantity: 5, branchCode: tokyo }]));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const lineId = registered.lines[0]!.id;
    const { id } = await createBundle(db(), sellerId, { lineIds: [lineId], estimatedArrival: tokyoDate(new Date()) });
    await db()
      .transaction()
      .execute((trx) => confirmBundle(trx, id, anywhere));
    await db()
      .transaction()
      .execute((trx) => shipBundle(trx, id, anywhere, { carrier: 'ヤマト運輸', trackingNo: '1', boxCount: 1 }));
    const results = await dock.push([
      dock.event('bundle.arrived', { bundleId: id, boxesReceived: 1 }, clerk),
      dock.event('inspection.counted', { bundleId: id, lineId, quantity: 5, source: 'key' }, clerk),
      dock.event('inspection.finished', { bundleId: id, reasons: [{ lineId, reason: 'damaged', note: '箱つぶれ', damagedUnits: 2 }] }, clerk),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 3, damaged: 2 });
    const movements = await db().selectFrom('stock_movements').select(['kind', 'condition', 'quantity']).where('reference', '=', id).orderBy('id').execute();
    expect(movements).toEqual([
      { kind: 'inbound', condition: 'sellable', quantity: 3 },
      { kind: 'inbound', condition: 'damaged', quantity: 2 },
    ]);
  });

  it('receives damaged units when inspection is completed over the API too', async () => {
    const { sellerId, sku } = await freshSku();
    const registered = await db()
      .transaction()
      .execute((trx) => registerInboundLines(trx, sellerId, [{ sku, quantity: 4, branchCode: tokyo }]));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const lineId = registered.lines[0]!.id;
    const { id } = await createBundle(db(), sellerId, { lineIds: [lineId], estimatedArrival: tokyoDate(new Date()) });
    await db()
      .transaction()
      .execute((trx) => confirmBundle(trx, id, anywhere));
    await db()
      .transaction()
      .execute((trx) => shipBundle(trx, id, anywhere, { carrier: 'ヤマト運輸', trackingNo: '3', boxCount: 1 }));
    expect(await dock.one('bundle.arrived', { bundleId: id, boxesReceived: 1 }, clerk)).toMatchObject({ status: 'applied' });
    const tooMany = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { body: { lines: [{ lineId, counted: 4, damaged: 5 }] } });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'damaged-over-counted' } } });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 0, damaged: 0 });
    const completed = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { body: { lines: [{ lineId, counted: 4, damaged: 1 }] } });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 3, damaged: 1 });
  });

  it('refuses more damaged units than a line counted, receiving nothing', async () => {
    const { sellerId, sku } = await freshSku();
    const registered = await db()
      .transaction()
      .execute((trx) => registerInboundLines(trx, sellerId, [{ sku, quantity: 2, branchCode: tokyo }]));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const lineId = registered.lines[0]!.id;
    const { id } = await createBundle(db(), sellerId, { lineIds: [lineId], estimatedArrival: tokyoDate(new Date()) });
    await db()
      .transaction()
      .execute((trx) => confirmBundle(trx, id, anywhere));
    await db()
      .transaction()
      .execute((trx) => shipBundle(trx, id, anywhere, { carrier: 'ヤマト運輸', trackingNo: '2', boxCount: 1 }));
    const results = await dock.push([
      dock.event('bundle.arrived', { bundleId: id, boxesReceived: 1 }, clerk),
      dock.event('inspection.counted', { bundleId: id, lineId, quantity: 2, source: 'key' }, clerk),
      dock.event('inspection.finished', { bundleId: id, reasons: [{ lineId, reason: 'damaged', note: null, damagedUnits: 3 }] }, clerk),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'rejected']);
    expect(results[2]!.reason).toBe('damaged-over-counted');
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 0, damaged: 0 });
  });

  it('damaged units never allocated: only sellable units are promised to orders', async () => {
    const { sellerId, sku } = await freshSku();
    await listing(db(), `${shopCount}90000`, sellerId, { A: sku });
    await stock(db(), sku, 8);
    await damage(sku, 5);
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 3, damaged: 5 });
    // 8 units in the warehouse, 5 of them damaged: an order for 4 waits, an order for 3 takes every sellable unit.
    const four = qoo10Line(sellerId, `${shopCount}90000`, 'A', { quantity: 4 });
    const three = qoo10Line(sellerId, `${shopCount}90000`, 'A', { quantity: 3 });
    const run = await hub.request('POST', '/api/v1/orders/qoo10', { body: [four, three] });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect((await orderByNo(db(), sellerId, four.orderNo)).state).toBe('paid');
    expect((await orderByNo(db(), sellerId, three.orderNo)).state).toBe('allocated');
    expect(run.body.allocation.waitingOrders).toEqual([expect.objectContaining({ orderNo: four.orderNo, reason: 'out-of-stock' })]);
    // A later run still finds nothing to give the first order while the damaged units stay damaged.
    const again = await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect(again.body).toMatchObject({ allocated: 0, waiting: { 'out-of-stock': 1 } });
    // Nor can it be allocated by hand at the branch holding the damaged units.
    const waiting = await orderByNo(db(), sellerId, four.orderNo);
    const byHand = await hub.request('POST', `/api/v1/orders/${waiting.id}/allocation`, { body: { branchCode: tokyo } });
    expect(byHand).toMatchObject({ status: 409, body: { error: { code: 'out-of-stock' } } });
    expect((await orderByNo(db(), sellerId, four.orderNo)).state).toBe('paid');
    // A supervisor judges 4 of them sellable after all: now the order can be allocated.
    const supervisor = await hub.tokenFor('supervisor');
    const restored = await hub.request('POST', `/api/v1/stock/${sku}/damaged`, {
      token: supervisor,
      body: { branchCode: tokyo, kind: 'restore', units: 4, reason: '再検品で問題なし' },
    });
    expect(restored).toMatchObject({ status: 200, body: { sku, branchCode: tokyo, quantity: 7, damaged: 1 } });
    const rerun = await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect(rerun.body).toMatchObject({ allocated: 1, waiting: {} });
  });

  it('lets a supervisor restore, dispose of or return damaged units with a reason, and shows both figures in stock reads', async () => {
    const { sku } = await freshSku();
    await stock(db(), sku, 10);
    await damage(sku, 6);
    const supervisor = await hub.tokenFor('supervisor');
    const release = (kind: string, units: number, reason = '確認済み', token = supervisor) =>
      hub.request('POST', `/api/v1/stock/${sku}/damaged`, { token, body: { branchCode: tokyo, kind, units, reason } });
    expect((await release('restore', 1)).body).toEqual({ sku, branchCode: tokyo, quantity: 5, damaged: 5 });
    expect((await release('dispose', 2, '廃棄')).body).toEqual({ sku, branchCode: tokyo, quantity: 5, damaged: 3 });
    expect((await release('return-to-seller', 1, '出品者へ返送')).body).toEqual({ sku, branchCode: tokyo, quantity: 5, damaged: 2 });
    const movements = await db()
      .selectFrom('stock_movements')
      .select(['kind', 'condition', 'quantity', 'reference'])
      .where('sku', '=', sku)
      .where('kind', 'in', ['restore', 'dispose', 'return-to-seller'])
      .orderBy('id')
      .execute();
    expect(movements).toEqual([
      { kind: 'restore', condition: 'damaged', quantity: -1, reference: '確認済み' },
      { kind: 'restore', condition: 'sellable', quantity: 1, reference: '確認済み' },
      { kind: 'dispose', condition: 'damaged', quantity: -2, reference: '廃棄' },
      { kind: 'return-to-seller', condition: 'damaged', quantity: -1, reference: '出品者へ返送' },
    ]);

    const read = await hub.request('GET', `/api/v1/stock?sku=${sku}`);
    expect(read.body).toEqual([
      expect.objectContaining({ sku, totalQuantity: 5, totalDamaged: 2, branchQuantities: [{ branchCode: tokyo, quantity: 5, damaged: 2 }] }),
    ]);
    expect((await hub.request('GET', `/api/v1/skus/${sku}`)).body).toMatchObject({ totalQuantity: 5, totalDamaged: 2 });
    const feed = await db()
      .selectFrom('changes')
      .select('data')
      .where('entity', '=', 'stock')
      .where('entity_id', '=', `${sku}@${tokyo}`)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(feed.data)).toEqual({ sku, branchCode: tokyo, quantity: 5, damaged: 2 });

    // Refused, nothing moved: more than is damaged, no reason, a clerk.
    const tooMany = await release('dispose', 3, '廃棄', supervisor);
    expect(tooMany).toMatchObject({ status: 409, body: { error: { code: 'not-enough-damaged' } } });
    expect(tooMany.body.error.message).toContain('2');
    expect((await release('dispose', 1, '  ')).status).toBe(400);
    expect((await release('dispose', 1, '廃棄', await hub.tokenFor('clerk'))).status).toBe(403);
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 5, damaged: 2 });
  });

  it('never picks or disposes of the wrong stock: the ledger refuses the condition', async () => {
    const { sku } = await freshSku();
    await stock(db(), sku, 2);
    const pickDamaged = db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind: 'pick', quantity: -1, condition: 'damaged', reference: 'o' }));
    await expect(pickDamaged).rejects.toMatchObject({ code: 'wrong-condition' });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 2, damaged: 0 });
  });
});

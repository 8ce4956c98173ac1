import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, tokyoDate } from '../../shared/domain/tokyo-time';
import { registerStation } from '../../server/services/stations';
import type { HubDatabase } from '../../server/storage/schema';
import { startTestHub, type TestHub } from '../support/hub-server';
import { hubStoreFactories } from '../support/hub-stores';
import { rowCount } from '../support/row-count';

const tokyo = '0000011520';
const seoul = '0000000082';

describe.each(hubStoreFactories())('inbound lines and cargo bundles over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  const tokens: Record<'sellerA' | 'sellerB' | 'poor' | 'clerk' | 'packer', string> = {} as never;
  let tokyoStation: Record<string, string>;
  let seoulStation: Record<string, string>;
  const today = tokyoDate(new Date());

  // SKUs: A small (10+10+5 cm), A medium (30+30+30 cm), A with separate inventory off, B's, and the poor seller's (no size).
  const small = '300000000001-00001';
  const medium = '300000000001-00002';
  const notSeparate = '300000000002-00001';
  const skuOfB = '300000000003-00001';
  const skuOfPoor = '300000000004-00001';

  const db = () => hub.hub.store.db;
  const count = (table: keyof HubDatabase) => rowCount(db(), table);
  const counts = async () => ({
    lines: await count('inbound_lines'),
    bundles: await count('cargo_bundles'),
    movements: await count('stock_movements'),
    charges: await count('fee_charges'),
    changes: await count('changes'),
  });
  const balanceOf = async (sellerId: string) => (await hub.request('GET', `/api/v1/sellers/${sellerId}`)).body.balanceJpy as number;
  const detailCodes = (body: { error: { details?: { message: string }[] } }) => (body.error.details ?? []).map((detail) => detail.message);

  async function addLine(token: string, sku: string, quantity: number, branchCode = tokyo): Promise<string> {
    const response = await hub.request('POST', '/api/v1/inbound-lines', { token, body: { sku, quantity, branchCode } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  }

  async function bundleOf(token: string, lineIds: string[]): Promise<string> {
    const response = await hub.request('POST', '/api/v1/bundles', { token, body: { lineIds, estimatedArrival: addDays(today, 2) } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  }

  /** Takes a requested bundle to arrived, each step by the party the rules name. */
  async function toArrived(id: string, sellerToken: string, station = tokyoStation): Promise<void> {
    expect((await hub.request('POST', `/api/v1/bundles/${id}/confirm`, { token: tokens.clerk })).status).toBe(200);
    const shipped = await hub.request('POST', `/api/v1/bundles/${id}/ship`, {
      token: sellerToken,
      body: { carrier: 'ヤマト運輸', trackingNo: '1234-5678-9012', boxCount: 2 },
    });
    expect(shipped.status).toBe(200);
    const arrived = await hub.request('POST', `/api/v1/bundles/${id}/arrive`, { token: null, headers: station, body: { boxesReceived: 2 } });
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
  }

  beforeAll(async () => {
    hub = await startTestHub(factory);
    const sellers = [
      ['shop-a', 10_000],
      ['shop-b', 10_000],
      ['shop-poor', 100],
    ] as const;
    for (const [id, balanceJpy] of sellers) expect((await hub.request('POST', '/api/v1/sellers', { body: { id, name: id, balanceJpy } })).status).toBe(201);
    tokens.sellerA = await hub.tokenFor('seller', 'shop-a');
    tokens.sellerB = await hub.tokenFor('seller', 'shop-b');
    tokens.poor = await hub.tokenFor('seller', 'shop-poor');
    tokens.clerk = await hub.tokenFor('clerk');
    tokens.packer = await hub.tokenFor('packer');
    const items: [string, string, boolean, object[]][] = [
      [
        'shop-a',
        '300000000001',
        true,
        [
          { name: 'S', lengthCm: 10, widthCm: 10, heightCm: 5 },
          { name: 'M', lengthCm: 30, widthCm: 30, heightCm: 30 },
        ],
      ],
      ['shop-a', '300000000002', false, [{ name: 'one' }]],
      ['shop-b', '300000000003', true, [{ name: 'B' }]],
      ['shop-poor', '300000000004', true, [{ name: 'P' }]],
    ];
    for (const [sellerId, code, separateInventory, options] of items) {
      expect((await hub.request('POST', '/api/v1/inventory', { body: { sellerId, code, name: `item ${code}`, separateInventory } })).status).toBe(201);
      for (const option of options) expect((await hub.request('POST', `/api/v1/inventory/${code}/options`, { body: option })).status).toBe(201);
    }
    const stationHeader = async (id: string, branchCode: string) => ({
      authorization: `Station ${id}:${await registerStation(db(), { id, name: id, branchCode })}`,
    });
    tokyoStation = await stationHeader('dock-tokyo', tokyo);
    seoulStation = await stationHeader('dock-seoul', seoul);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('goes through all states; completion posts the counted stock and charges the scheduled fees', async () => {
    const first = await hub.request('POST', '/api/v1/inbound-lines', {
      token: tokens.sellerA,
      body: { sku: small, quantity: 10, branchCode: tokyo, description: '4901234567894' },
    });
    expect(first).toMatchObject({ status: 201, body: { sellerId: 'shop-a', sku: small, quantity: 10, description: '4901234567894', bundleId: null } });
    const second = await addLine(tokens.sellerA, medium, 5);
    const nothingCame = await addLine(tokens.sellerA, small, 3);

    const created = await hub.request('POST', '/api/v1/bundles', {
      token: tokens.sellerA,
      body: { lineIds: [first.body.id, second, nothingCame], estimatedArrival: addDays(today, 2) },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 'IB00000001', state: 'requested', branchCode: tokyo, sellerId: 'shop-a', holdReason: null, late: false },
    });
    expect(created.body.lines).toHaveLength(3);
    const id = created.body.id as string;

    expect((await hub.request('POST', `/api/v1/bundles/${id}/confirm`, { token: tokens.clerk })).body.state).toBe('confirmed');
    const shipped = await hub.request('POST', `/api/v1/bundles/${id}/ship`, {
      token: tokens.sellerA,
      body: { carrier: 'ヤマト運輸', trackingNo: '4455-6677-8899', boxCount: 2 },
    });
    expect(shipped.body).toMatchObject({ state: 'shipped', carrier: 'ヤマト運輸', trackingNo: '4455-6677-8899', boxCount: 2 });
    const arrived = await hub.request('POST', `/api/v1/bundles/${id}/arrive`, { token: null, headers: tokyoStation, body: { boxesReceived: 2 } });
    expect(arrived.body).toMatchObject({ state: 'arrived', boxesReceived: 2, late: false });
    expect(arrived.body.arrivedAt).not.toBeNull();
    expect(arrived.body.inspectionDeadline > arrived.body.arrivedAt).toBe(true);

    const completed = await hub.request('POST', `/api/v1/bundles/${id}/complete`, {
      token: tokens.clerk,
      body: {
        lines: [
          { lineId: first.body.id, counted: 9 },
          { lineId: second, counted: 5, unitsToLabel: 2 },
          { lineId: nothingCame, counted: 0 },
        ],
      },
    });
    // Default schedule: in-housing small 30, medium 40 per unit; labelling 20 per labelled unit.
    // 9 × 30 + 5 × 40 = 470; (9 + 2) × 20 = 220.
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.fees).toEqual({ inHousingJpy: 470, labellingJpy: 220, totalJpy: 690 });
    expect(completed.body.bundle).toMatchObject({ state: 'completed', holdReason: null, late: false });
    expect(completed.body.bundle.lines.map((line: { counted: number }) => line.counted)).toEqual([9, 5, 0]);

    expect(await balanceOf('shop-a')).toBe(10_000 - 690);
    const charges = await db().selectFrom('fee_charges').select(['kind', 'amount_jpy', 'reference']).where('seller_id', '=', 'shop-a').orderBy('id').execute();
    expect(charges).toEqual([
      { kind: 'in-housing', amount_jpy: -470, reference: id },
      { kind: 'labelling', amount_jpy: -220, reference: id },
    ]);
    const stock = await hub.request('GET', '/api/v1/stock?sellerId=shop-a', { token: tokens.packer });
    const quantities = Object.fromEntries(stock.body.map((row: { sku: string; branchQuantities: unknown }) => [row.sku, row.branchQuantities]));
    expect(quantities[small]).toEqual([{ branchCode: tokyo, quantity: 9, damaged: 0 }]);
    expect(quantities[medium]).toEqual([{ branchCode: tokyo, quantity: 5, damaged: 0 }]);
    const movements = await db().selectFrom('stock_movements').select(['sku', 'kind', 'quantity', 'reference']).orderBy('id').execute();
    expect(movements).toEqual([
      { sku: small, kind: 'inbound', quantity: 9, reference: id },
      { sku: medium, kind: 'inbound', quantity: 5, reference: id },
    ]);

    const changes = await db().selectFrom('changes').selectAll().where('entity', '=', 'bundle').where('entity_id', '=', id).orderBy('seq').execute();
    expect(changes.map((change) => JSON.parse(change.data).state)).toEqual(['requested', 'confirmed', 'shipped', 'arrived', 'completed']);
    for (const change of changes) expect(change).toMatchObject({ branch_code: tokyo, seller_id: 'shop-a' });
  });

  it("bills from the branch's own fee schedule rows when it has them", async () => {
    await db()
      .insertInto('fee_schedules')
      .values([
        { branch_code: seoul, fee_kind: 'in-housing', size_class: 'small', amount_jpy: 45 },
        { branch_code: seoul, fee_kind: 'sku-labelling', size_class: 'unit', amount_jpy: 15 },
      ])
      .execute();
    const id = await bundleOf(tokens.sellerA, [await addLine(tokens.sellerA, small, 4, seoul)]);
    await toArrived(id, tokens.sellerA, seoulStation);
    const before = await balanceOf('shop-a');
    const line = (await hub.request('GET', `/api/v1/bundles/${id}`, { token: tokens.clerk })).body.lines[0];
    const completed = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { token: tokens.clerk, body: { lines: [{ lineId: line.id, counted: 4 }] } });
    expect(completed.body.fees).toEqual({ inHousingJpy: 4 * 45, labellingJpy: 4 * 15, totalJpy: 240 });
    expect(await balanceOf('shop-a')).toBe(before - 240);
    const stock = await hub.request('GET', `/api/v1/stock?sku=${small}`, { token: tokens.sellerA });
    expect(stock.body[0].branchQuantities).toEqual([
      { branchCode: seoul, quantity: 4, damaged: 0 },
      { branchCode: tokyo, quantity: 9, damaged: 0 },
    ]);
  });

  it('holds a bundle whose fees the balance does not cover: still arrived, reason shown, nothing posted or charged', async () => {
    const lineId = await addLine(tokens.poor, skuOfPoor, 10);
    const id = await bundleOf(tokens.poor, [lineId]);
    await toArrived(id, tokens.poor);
    const before = await counts();
    const stockBefore = await count('stock_balances');

    // The poor seller's SKU has no size, so it is charged as small: 10 × 30 + 10 × 20 = 500 JPY against 100.
    const held = await hub.request('POST', `/api/v1/bundles/${id}/complete`, {
      token: tokens.clerk,
      body: { lines: [{ lineId, counted: 10 }] },
      language: 'en',
    });
    expect(held.status).toBe(409);
    expect(held.body.error).toMatchObject({ code: 'insufficient-balance', details: { inHousing: 300, labelling: 200, total: 500, balance: 100 } });
    expect(held.body.error.message).toBe(
      `Cargo bundle ${id} is on hold: fees of 500 JPY (in-housing 300 JPY, labelling 200 JPY) exceed the Q-cash balance of 100 JPY.`,
    );
    const bundle = await hub.request('GET', `/api/v1/bundles/${id}`, { token: tokens.poor });
    expect(bundle.body).toMatchObject({ state: 'arrived', holdReason: 'insufficient-balance', completedAt: null });
    expect(bundle.body.lines[0].counted).toBeNull();
    expect(await balanceOf('shop-poor')).toBe(100);
    expect(await count('stock_balances')).toBe(stockBefore);
    // Only the hold itself is new: one change telling stations the bundle is held.
    expect(await counts()).toEqual({ ...before, changes: before.changes + 1 });
    expect((await hub.request('GET', '/api/v1/stock?sellerId=shop-poor')).body[0].totalQuantity).toBe(0);

    // Topped up, the same inspection goes through and the hold is cleared.
    await hub.request('POST', '/api/v1/sellers/shop-poor/top-ups', { body: { amountJpy: 400 } });
    const completed = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { token: tokens.clerk, body: { lines: [{ lineId, counted: 10 }] } });
    expect(completed.status).toBe(200);
    expect(completed.body.bundle).toMatchObject({ state: 'completed', holdReason: null });
    expect(await balanceOf('shop-poor')).toBe(0);
  });

  it('holds a bundle with a unit too big for the fee schedule until it is quoted', async () => {
    const huge = await hub.request('POST', '/api/v1/inventory/300000000001/options', { body: { name: 'sofa', lengthCm: 120, widthCm: 60, heightCm: 40 } });
    const lineId = await addLine(tokens.sellerA, huge.body.sku, 1);
    const id = await bundleOf(tokens.sellerA, [lineId]);
    await toArrived(id, tokens.sellerA);
    const balance = await balanceOf('shop-a');
    const held = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { token: tokens.clerk, body: { lines: [{ lineId, counted: 1 }] } });
    expect(held).toMatchObject({ status: 409, body: { error: { code: 'fee-needs-quote' } } });
    expect(held.body.error.message).toContain(huge.body.sku);
    expect((await hub.request('GET', `/api/v1/bundles/${id}`)).body).toMatchObject({ state: 'arrived', holdReason: 'fee-needs-quote' });
    expect(await balanceOf('shop-a')).toBe(balance);
    expect((await hub.request('GET', `/api/v1/skus/${huge.body.sku}`)).body.totalQuantity).toBe(0);
  });

  it('refuses illegal transitions with the domain reason and leaves the bundle as it was', async () => {
    const id = await bundleOf(tokens.sellerA, [await addLine(tokens.sellerA, small, 1)]);
    const lineId = (await hub.request('GET', `/api/v1/bundles/${id}`)).body.lines[0].id;
    const attempt = (action: string, token: string | null, body: unknown = {}, headers?: Record<string, string>) =>
      hub.request('POST', `/api/v1/bundles/${id}/${action}`, { token, body, headers });
    const expectRefused = async (response: Awaited<ReturnType<typeof attempt>>, code: string, state: string) => {
      expect(response.status, JSON.stringify(response.body)).toBe(409);
      expect(response.body.error.code).toBe(code);
      expect((await hub.request('GET', `/api/v1/bundles/${id}`)).body.state).toBe(state);
    };
    const ship = { carrier: '佐川急便', trackingNo: '123456789012', boxCount: 1 };

    await expectRefused(await attempt('ship', tokens.sellerA, ship), 'illegal-transition', 'requested');
    await expectRefused(await attempt('arrive', tokens.clerk, { boxesReceived: 1 }), 'illegal-transition', 'requested');
    await expectRefused(await attempt('complete', tokens.clerk, { lines: [{ lineId, counted: 1 }] }), 'illegal-transition', 'requested');
    expect((await attempt('confirm', tokens.sellerA)).status).toBe(403);
    expect((await attempt('confirm', tokens.packer)).status).toBe(403);
    expect((await attempt('confirm', tokens.clerk)).status).toBe(200);
    await expectRefused(await attempt('confirm', tokens.clerk), 'already-in-state', 'confirmed');
    await expectRefused(await attempt('reject', tokens.clerk, { reason: 'no' }), 'illegal-transition', 'confirmed');
    expect((await attempt('ship', tokens.sellerA, ship)).status).toBe(200);
    await expectRefused(await attempt('reject', tokens.clerk, { reason: 'no' }), 'illegal-transition', 'shipped');
    await expectRefused(await attempt('complete', tokens.clerk, { lines: [{ lineId, counted: 1 }] }), 'illegal-transition', 'shipped');
    expect((await attempt('arrive', null, { boxesReceived: 1 }, tokyoStation)).status).toBe(200);
    const rejected = await attempt('reject', tokens.clerk, { reason: '中身が混在しており識別できません' });
    expect(rejected.body).toMatchObject({ state: 'rejected', rejectReason: '中身が混在しており識別できません' });
    await expectRefused(await attempt('arrive', tokens.clerk, { boxesReceived: 1 }), 'final-state', 'rejected');
    await expectRefused(await attempt('complete', tokens.clerk, { lines: [{ lineId, counted: 1 }] }), 'final-state', 'rejected');

    const early = await bundleOf(tokens.sellerA, [await addLine(tokens.sellerA, small, 1)]);
    expect((await hub.request('POST', `/api/v1/bundles/${early}/reject`, { token: tokens.clerk, body: { reason: '受付できません' } })).body.state).toBe(
      'rejected',
    );
    const done = await hub.request('POST', '/api/v1/bundles/IB00000001/reject', { token: tokens.clerk, body: { reason: 'late' }, language: 'en' });
    expect(done).toMatchObject({
      status: 409,
      body: { error: { code: 'final-state', message: 'Cargo bundle IB00000001 is finished ("completed") and cannot change.' } },
    });
  });

  it('flags a bundle still uninspected past the 3-day limit (arrival day not counted) as late', async () => {
    const id = await bundleOf(tokens.sellerA, [await addLine(tokens.sellerA, medium, 2)]);
    await toArrived(id, tokens.sellerA);
    expect((await hub.request('GET', `/api/v1/bundles/${id}`)).body.late).toBe(false);
    // Arrived four Tokyo days ago: the deadline was the end of yesterday.
    const arrivedAt = new Date(Date.now() - 4 * 24 * 60 * 60 * 1000).toISOString();
    await db().updateTable('cargo_bundles').set({ arrived_at: arrivedAt }).where('id', '=', id).execute();
    const late = await hub.request('GET', '/api/v1/bundles?state=arrived', { token: tokens.clerk });
    expect(late.body.find((bundle: { id: string }) => bundle.id === id)).toMatchObject({ late: true });
    // Three days ago is still within the limit until tonight.
    await db()
      .updateTable('cargo_bundles')
      .set({ arrived_at: `${addDays(today, -3)}T00:00:00.000Z` })
      .where('id', '=', id)
      .execute();
    expect((await hub.request('GET', `/api/v1/bundles/${id}`)).body.late).toBe(false);
  });

  it("keeps seller B away from seller A's lines and bundles, and a station to its own branch", async () => {
    const bLine = await addLine(tokens.sellerB, skuOfB, 1);
    const bBundle = await bundleOf(tokens.sellerB, [bLine]);
    const aLine = await addLine(tokens.sellerA, small, 1);
    const before = await counts();
    const refusals: [string, string, unknown?][] = [
      ['GET', '/api/v1/bundles/IB00000001'],
      ['POST', '/api/v1/bundles/IB00000001/ship', { carrier: 'x', trackingNo: '12345678', boxCount: 1 }],
      ['GET', '/api/v1/bundles?sellerId=shop-a'],
      ['GET', '/api/v1/inbound-lines?sellerId=shop-a'],
      ['DELETE', `/api/v1/inbound-lines/${aLine}`],
      ['POST', '/api/v1/inbound-lines', { sku: small, quantity: 1, branchCode: tokyo }],
      ['POST', '/api/v1/inbound-lines', { sellerId: 'shop-a', sku: skuOfB, quantity: 1, branchCode: tokyo }],
      ['POST', '/api/v1/bundles', { lineIds: [aLine], estimatedArrival: today }],
      ['POST', '/api/v1/bundles', { sellerId: 'shop-a', lineIds: [bLine], estimatedArrival: today }],
    ];
    for (const [method, path, body] of refusals) {
      const response = await hub.request(method, path, { token: tokens.sellerB, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(await counts()).toEqual(before);

    const own = await hub.request('GET', '/api/v1/bundles', { token: tokens.sellerB });
    expect(own.body.map((bundle: { id: string }) => bundle.id)).toEqual([bBundle]);
    const ownLines = await hub.request('GET', '/api/v1/inbound-lines', { token: tokens.sellerB });
    expect(ownLines.body.map((line: { id: string }) => line.id)).toEqual([bLine]);
    const floor = await hub.request('GET', '/api/v1/bundles', { token: tokens.clerk });
    expect(new Set(floor.body.map((bundle: { sellerId: string }) => bundle.sellerId))).toEqual(new Set(['shop-a', 'shop-b', 'shop-poor']));

    const seoulView = await hub.request('GET', '/api/v1/bundles', { token: null, headers: seoulStation });
    expect(seoulView.body.length).toBeGreaterThan(0);
    expect(seoulView.body.every((bundle: { branchCode: string }) => bundle.branchCode === seoul)).toBe(true);
    expect((await hub.request('GET', `/api/v1/bundles/${bBundle}`, { token: null, headers: seoulStation })).status).toBe(404);
    expect((await hub.request('POST', `/api/v1/bundles/${bBundle}/confirm`, { token: null, headers: seoulStation })).status).toBe(403);
  });

  it('refuses bad lines, batches, bundles and counts with a clear code and writes nothing', async () => {
    const before = await counts();
    const badLines: [unknown, string[]][] = [
      [{ sku: small, quantity: 0, branchCode: tokyo }, ['quantity-out-of-range']],
      [{ sku: small, quantity: -1, branchCode: tokyo }, ['quantity-out-of-range']],
      [{ sku: small, quantity: 100_001, branchCode: tokyo }, ['quantity-out-of-range']],
      [{ sku: small, quantity: 2.5, branchCode: tokyo }, ['invalid-quantity']],
      [{ sku: '30000000001-00001', quantity: 1, branchCode: tokyo }, ['invalid-sku']],
      [{ sku: small, quantity: 1, branchCode: '11520' }, ['invalid-branch-code']],
      [{ sku: small, quantity: 1, branchCode: tokyo, description: '<a href="x">JAN</a>' }, ['markup']],
      [{ sku: small, quantity: 1, branchCode: tokyo, description: '4'.repeat(201) }, ['too-long']],
    ];
    for (const [body, codes] of badLines) {
      const response = await hub.request('POST', '/api/v1/inbound-lines', { token: tokens.sellerA, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(detailCodes(response.body), JSON.stringify(body)).toEqual(expect.arrayContaining(codes));
    }
    const unknown = await hub.request('POST', '/api/v1/inbound-lines', {
      token: tokens.sellerA,
      body: { sku: '300000000009-00001', quantity: 1, branchCode: tokyo },
      language: 'en',
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not-found', message: 'SKU 300000000009-00001 was not found.' } } });
    const noBranch = await hub.request('POST', '/api/v1/inbound-lines', { token: tokens.sellerA, body: { sku: small, quantity: 1, branchCode: '0000000001' } });
    expect(noBranch).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    const notSeparated = await hub.request('POST', '/api/v1/inbound-lines', {
      token: tokens.sellerA,
      body: { sku: notSeparate, quantity: 1, branchCode: tokyo },
      language: 'en',
    });
    expect(notSeparated).toMatchObject({ status: 409, body: { error: { code: 'separate-inventory-required' } } });
    expect(notSeparated.body.error.message).toContain('300000000002');

    const batch = await hub.request('POST', '/api/v1/inbound-lines/batch', {
      token: tokens.sellerA,
      body: {
        lines: [
          { sku: small, quantity: 1, branchCode: tokyo },
          { sku: skuOfB, quantity: 1, branchCode: tokyo },
          { sku: notSeparate, quantity: 1, branchCode: tokyo },
        ],
      },
      language: 'en',
    });
    expect(batch.status).toBe(400);
    expect(batch.body.error).toMatchObject({ code: 'inbound-batch-refused', message: '2 inbound lines have problems, so none were registered.' });
    expect(batch.body.error.details.map((problem: { index: number; code: string }) => [problem.index, problem.code])).toEqual([
      [1, 'not-found'],
      [2, 'separate-inventory-required'],
    ]);
    const badBatch = await hub.request('POST', '/api/v1/inbound-lines/batch', {
      token: tokens.sellerA,
      body: {
        lines: [
          { sku: small, quantity: 1, branchCode: tokyo },
          { sku: small, quantity: 0, branchCode: tokyo },
        ],
      },
    });
    expect(badBatch.status).toBe(400);
    expect(badBatch.body.error.message).toContain('lines.1.quantity');
    expect(await counts()).toEqual(before);

    const good = await hub.request('POST', '/api/v1/inbound-lines/batch', {
      token: tokens.sellerA,
      body: {
        lines: [
          { sku: small, quantity: 2, branchCode: tokyo },
          { sku: medium, quantity: 3, branchCode: tokyo },
          { sku: small, quantity: 1, branchCode: seoul },
        ],
      },
    });
    expect(good.status).toBe(201);
    const [tokyoLine, otherTokyoLine, seoulLine] = good.body.lines.map((line: { id: string }) => line.id) as [string, string, string];
    const afterBatch = await counts();

    const badBundles: [unknown, number, string, string[]?][] = [
      [{ lineIds: [tokyoLine], estimatedArrival: '2025-02-30' }, 400, 'bad-input', ['invalid-date']],
      [{ lineIds: [tokyoLine], estimatedArrival: 'tomorrow' }, 400, 'bad-input', ['invalid-date']],
      [{ lineIds: [tokyoLine], estimatedArrival: addDays(today, -2) }, 400, 'arrival-date-in-past'],
      [{ lineIds: [tokyoLine], estimatedArrival: addDays(today, 400) }, 400, 'arrival-date-too-far'],
      [{ lineIds: [], estimatedArrival: today }, 400, 'bad-input'],
      [{ lineIds: [tokyoLine, tokyoLine], estimatedArrival: today }, 400, 'bad-input', ['duplicate-line-id']],
      [{ lineIds: ['not-a-line'], estimatedArrival: today }, 400, 'bad-input', ['invalid-line-id']],
      [{ lineIds: [tokyoLine, seoulLine], estimatedArrival: today }, 400, 'bundle-mixed-branches'],
      [{ lineIds: ['00000000-0000-4000-8000-000000000000'], estimatedArrival: today }, 404, 'not-found'],
    ];
    for (const [body, status, code, details] of badBundles) {
      const response = await hub.request('POST', '/api/v1/bundles', { token: tokens.sellerA, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.code).toBe(code);
      if (details) expect(detailCodes(response.body)).toEqual(expect.arrayContaining(details));
    }
    expect(await counts()).toEqual(afterBatch);

    // Yesterday is allowed: a bundle registered after the truck left.
    const yesterday = await hub.request('POST', '/api/v1/bundles', {
      token: tokens.sellerA,
      body: { lineIds: [tokyoLine], estimatedArrival: addDays(today, -1) },
    });
    expect(yesterday.status).toBe(201);
    const id = yesterday.body.id as string;
    const again = await hub.request('POST', '/api/v1/bundles', {
      token: tokens.sellerA,
      body: { lineIds: [tokyoLine, otherTokyoLine], estimatedArrival: today },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'line-already-bundled' } } });
    expect((await hub.request('DELETE', `/api/v1/inbound-lines/${tokyoLine}`, { token: tokens.sellerA })).body.error.code).toBe('line-already-bundled');
    expect((await hub.request('DELETE', `/api/v1/inbound-lines/${seoulLine}`, { token: tokens.sellerA })).status).toBe(204);
    expect((await hub.request('DELETE', `/api/v1/inbound-lines/${seoulLine}`, { token: tokens.sellerA })).status).toBe(404);

    const badShips: unknown[] = [
      { carrier: 'ヤマト', trackingNo: '12345678', boxCount: 0 },
      { carrier: 'ヤマト', trackingNo: '12345678', boxCount: 1000 },
      { carrier: 'ヤマト', trackingNo: '1234 5678', boxCount: 1 },
      { carrier: '<i>x</i>', trackingNo: '12345678', boxCount: 1 },
    ];
    expect((await hub.request('POST', `/api/v1/bundles/${id}/confirm`, { token: tokens.clerk })).status).toBe(200);
    for (const body of badShips)
      expect((await hub.request('POST', `/api/v1/bundles/${id}/ship`, { token: tokens.sellerA, body })).status, JSON.stringify(body)).toBe(400);
    expect(
      (await hub.request('POST', `/api/v1/bundles/${id}/ship`, { token: tokens.sellerA, body: { carrier: 'ヤマト', trackingNo: '12345678', boxCount: 1 } }))
        .status,
    ).toBe(200);
    expect((await hub.request('POST', `/api/v1/bundles/${id}/arrive`, { token: tokens.clerk, body: { boxesReceived: 1 } })).status).toBe(200);

    const beforeCounts = await counts();
    const badCounts: [unknown, string][] = [
      [{ lines: [] }, 'bad-input'],
      [{ lines: [{ lineId: tokyoLine, counted: -1 }] }, 'bad-input'],
      [{ lines: [{ lineId: tokyoLine, counted: 1.5 }] }, 'bad-input'],
      [{ lines: [{ lineId: otherTokyoLine, counted: 1 }] }, 'line-not-in-bundle'],
      [
        {
          lines: [
            { lineId: tokyoLine, counted: 2 },
            { lineId: tokyoLine, counted: 2 },
          ],
        },
        'line-counted-twice',
      ],
      [{ lines: [{ lineId: tokyoLine, counted: 2, unitsToLabel: 3 }] }, 'labels-over-counted'],
    ];
    for (const [body, code] of badCounts) {
      const response = await hub.request('POST', `/api/v1/bundles/${id}/complete`, { token: tokens.clerk, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await counts()).toEqual(beforeCounts);
    expect((await hub.request('GET', `/api/v1/bundles/${id}`)).body.state).toBe('arrived');
  });

  it('needs every line of the bundle counted', async () => {
    const lines = [await addLine(tokens.sellerA, small, 1), await addLine(tokens.sellerA, medium, 1)];
    const id = await bundleOf(tokens.sellerA, lines);
    await toArrived(id, tokens.sellerA);
    const partial = await hub.request('POST', `/api/v1/bundles/${id}/complete`, {
      token: tokens.clerk,
      body: { lines: [{ lineId: lines[0], counted: 1 }] },
      language: 'en',
    });
    expect(partial).toMatchObject({ status: 400, body: { error: { code: 'counts-incomplete', message: `Some inbound lines have no count: ${lines[1]}` } } });
  });

  it("keeps a batch's lines in the order given, in the line list and in the bundle", async () => {
    const quantities = [5, 1, 4, 2, 3, 9, 7, 8, 6];
    const batch = await hub.request('POST', '/api/v1/inbound-lines/batch', {
      token: tokens.sellerB,
      body: { lines: quantities.map((quantity) => ({ sku: skuOfB, quantity, branchCode: tokyo })) },
    });
    expect(batch.status).toBe(201);
    const ids = batch.body.lines.map((line: { id: string }) => line.id);
    const unbundled = await hub.request('GET', '/api/v1/inbound-lines?unbundled=true', { token: tokens.sellerB });
    expect(unbundled.body.map((line: { quantity: number }) => line.quantity)).toEqual(quantities);
    const bundle = await hub.request('GET', `/api/v1/bundles/${await bundleOf(tokens.sellerB, [...ids].reverse())}`, { token: tokens.sellerB });
    expect(bundle.body.lines.map((line: { quantity: number }) => line.quantity)).toEqual(quantities);
    expect((await hub.request('GET', '/api/v1/inbound-lines?unbundled=true', { token: tokens.sellerB })).body).toEqual([]);
  });

  it('describes every route in the OpenAPI document', async () => {
    const openapi = await hub.request('GET', '/api/openapi.json', { token: null });
    const paths = Object.keys(openapi.body.paths);
    for (const path of ['/api/v1/inbound-lines', '/api/v1/inbound-lines/batch', '/api/v1/inbound-lines/{id}', '/api/v1/bundles', '/api/v1/bundles/{id}'])
      expect(paths).toContain(path);
    for (const action of ['confirm', 'ship', 'arrive', 'complete', 'reject'])
      expect(openapi.body.paths[`/api/v1/bundles/{id}/${action}`].post.summary).toBeTruthy();
  });
});

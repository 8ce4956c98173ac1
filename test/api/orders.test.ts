import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, tokyoDate } from '../../shared/domain/tokyo-time';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, managementLine, orderByNo, qoo10Line, sellerWithSkus, stock } from '../support/order-fixtures';

describe.each(hubStoreFactories())('order import and registration over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let skus: string[];
  let otherSkus: string[];
  const countOrders = async () =>
    Number(
      (
        await hub.hub.store.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    hub = await startTestHub(factory);
    const db = hub.hub.store.db;
    skus = await sellerWithSkus(db, 'shop-a', 3);
    otherSkus = await sellerWithSkus(db, 'shop-b', 1);
    await db.updateTable('inventory_options').set({ seller_sku_code: 'TS-RED-L' }).where('sku', '=', skus[2]!).execute();
    await listing(db, '1000000001', 'shop-a', { 'サイズ: S': skus[0]!, 'サイズ: M': skus[1]! });
    await listing(db, '2000000001', 'shop-b', { 'サイズ: S': otherSkus[0]! });
    await stock(db, skus[0]!, 10);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('imports paid lines, resolves SKUs through the listing links, normalises the recipient and allocates', async () => {
    const linked = qoo10Line('shop-a', '1000000001', 'サイズ: S', {
      quantity: 2,
      recipient: { name: '佐藤 花子', phone: '+81 90-1111-2222', postalCode: '２７３００１２', address: '船橋市' },
    });
    const unlinked = qoo10Line('shop-a', '1000000001', 'サイズ: XL');
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [linked, unlinked] });
    expect(response.status).toBe(201);
    expect(response.body.imported).toBe(2);
    expect(response.body.allocation).toMatchObject({ allocated: 1, waiting: { 'not-linked': 1 } });

    const stored = await orderByNo(hub.hub.store.db, 'shop-a', linked.orderNo);
    expect(stored).toMatchObject({ sku: skus[0], recipient_phone: '09011112222', postal_code: '273-0012', state: 'allocated', source: 'qoo10' });
    const view = await hub.request('GET', `/api/v1/orders/${stored.id}`);
    expect(view.body).toMatchObject({
      orderNo: linked.orderNo,
      sku: skus[0],
      quantity: 2,
      state: 'allocated',
      branchCode: '0000011520',
      recipient: { postalCode: '273-0012' },
    });
    // Not linked: stored all the same, without a SKU, and left waiting.
    expect(await orderByNo(hub.hub.store.db, 'shop-a', unlinked.orderNo)).toMatchObject({ sku: null, state: 'paid', option_label: 'サイズ: XL' });
  });

  it('refuses a batch with every bad line and field named, in the caller language, and writes nothing', async () => {
    const before = await countOrders();
    const good = qoo10Line('shop-a', '1000000001', 'サイズ: S');
    const lines = [
      good,
      qoo10Line('shop-a', '1000000001', 'サイズ: S', { recipient: { ...good.recipient, postalCode: '12-34' } }),
      qoo10Line('shop-a', '1000000001', 'サイズ: S', { recipient: { ...good.recipient, phone: '+1 415 555 0100' } }),
      qoo10Line('shop-a', '9999999999', 'サイズ: S'),
      qoo10Line('shop-a', '1000000001', 'サイズ: S', { quantity: 0 }),
      qoo10Line('shop-a', '1000000001', 'サイズ: S', { quantity: -3 }),
      qoo10Line('shop-a', '1000000001', 'サイズ: S', { recipient: { ...good.recipient, name: '<script>alert(1)</script>' } }),
      qoo10Line('shop-a', '2000000001', 'サイズ: S'), // another seller's listing
    ];
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: lines, language: 'en' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('order-lines-refused');
    expect(response.body.error.message).toMatch(/^Nothing was registered: 7 line\(s\) have problems: \[1\] recipient\.postalCode/);
    expect(response.body.error.details).toEqual([
      { index: 1, field: 'recipient.postalCode', reason: 'invalid-postal-code' },
      { index: 2, field: 'recipient.phone', reason: 'invalid-phone' },
      { index: 3, field: 'itemNo', reason: 'unknown-listing' },
      { index: 4, field: 'quantity', reason: 'invalid-quantity' },
      { index: 5, field: 'quantity', reason: 'invalid-quantity' },
      { index: 6, field: 'recipient.name', reason: 'markup' },
      { index: 7, field: 'itemNo', reason: 'unknown-listing' },
    ]);
    expect(await countOrders()).toBe(before);
    const japanese = await hub.request('POST', '/api/v1/orders/qoo10', { body: lines });
    expect(japanese.body.error.message).toContain('7 行に誤りがあるため');
  });

  it('answers 409 for an order no. already stored or repeated in the batch, and stores none of the batch', async () => {
    const first = qoo10Line('shop-a', '1000000001', 'サイズ: M');
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { body: [first] })).status).toBe(201);
    const before = await countOrders();
    const fresh = qoo10Line('shop-a', '1000000001', 'サイズ: M');
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [fresh, { ...first }, { ...fresh }] });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toEqual([
      { index: 1, field: 'orderNo', reason: 'duplicate-order-no' },
      { index: 2, field: 'orderNo', reason: 'duplicate-order-no' },
    ]);
    expect(await countOrders()).toBe(before);
    // Order numbers are unique per seller: shop-b may use the same one.
    const sameNoOtherSeller = qoo10Line('shop-b', '2000000001', 'サイズ: S', { orderNo: first.orderNo });
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { body: [sameNoOtherSeller] })).status).toBe(201);
  });

  it('refuses a body that is not a list of lines', async () => {
    for (const body of [[], { orders: [] }]) {
      const response = await hub.request('POST', '/api/v1/orders/qoo10', { body });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('bad-input');
    }
  });

  it('lets a seller import only for itself, and see only its own orders', async () => {
    const sellerA = await hub.tokenFor('seller', 'shop-a');
    const sellerB = await hub.tokenFor('seller', 'shop-b');
    const own = qoo10Line('shop-b', '2000000001', 'サイズ: S');
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { token: sellerB, body: [own] })).status).toBe(201);
    const foreign = await hub.request('POST', '/api/v1/orders/qoo10', { token: sellerB, body: [qoo10Line('shop-a', '1000000001', 'サイズ: S')] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toContainEqual({ index: 0, field: 'sellerId', reason: 'unknown-seller' });

    const listB = await hub.request('GET', '/api/v1/orders?limit=1000', { token: sellerB });
    expect(listB.status).toBe(200);
    expect(listB.body.orders.length).toBeGreaterThan(0);
    expect(new Set(listB.body.orders.map((o: { sellerId: string }) => o.sellerId))).toEqual(new Set(['shop-b']));
    expect((await hub.request('GET', '/api/v1/orders?sellerId=shop-a', { token: sellerB })).status).toBe(404);

    const orderOfA = (await hub.request('GET', '/api/v1/orders?sellerId=shop-a&limit=1')).body.orders[0];
    expect((await hub.request('GET', `/api/v1/orders/${orderOfA.id}`, { token: sellerB })).status).toBe(404);
    expect((await hub.request('GET', `/api/v1/orders/${orderOfA.id}`, { token: sellerA })).status).toBe(200);
  });

  it('registers management-no. shipments by full SKU or seller SKU code, with a Sagawa time within two days', async () => {
    const today = tokyoDate(new Date());
    const bySku = managementLine('shop-a', { sku: skus[0], quantity: 1 });
    const byCode = managementLine('shop-a', { sellerSkuCode: 'TS-RED-L', deliveryMethod: 'sagawa', deliveryTime: { date: addDays(today, 2), slot: '14-16' } });
    const response = await hub.request('POST', '/api/v1/orders/management', { body: [bySku, byCode] });
    expect(response.status).toBe(201);
    const stored = await orderByNo(hub.hub.store.db, 'shop-a', byCode.managementNo);
    const view = (await hub.request('GET', `/api/v1/orders/${stored.id}`)).body;
    expect(view).toMatchObject({
      source: 'management',
      sku: skus[2],
      deliveryMethod: 'sagawa',
      deliveryTime: { date: addDays(today, 2), slot: '14-16' },
      paidAt: null,
      cartNo: null,
    });
    expect(view.registeredAt).toBe(stored.paid_at);
    // SKU 0 has stock, SKU 2 none: the run after registering allocates one and leaves the other waiting.
    expect((await orderByNo(hub.hub.store.db, 'shop-a', bySku.managementNo)).state).toBe('allocated');
    expect(stored.state).toBe('paid');
    expect(response.body.allocation.waitingOrders).toContainEqual({
      orderId: stored.id,
      orderNo: byCode.managementNo,
      sellerId: 'shop-a',
      reason: 'out-of-stock',
    });
  });

  it('refuses management lines that break the SKU and delivery-time rules, every one reported', async () => {
    const before = await countOrders();
    const today = tokyoDate(new Date());
    const taken = (await hub.request('GET', '/api/v1/orders?sellerId=shop-a&source=management&limit=1')).body.orders[0].orderNo;
    const lines = [
      managementLine('shop-a', { sku: skus[0], deliveryMethod: 'yamato', deliveryTime: { date: today } }),
      managementLine('shop-a', { sku: skus[0], deliveryMethod: 'sagawa', deliveryTime: { date: addDays(today, 3) } }),
      managementLine('shop-a', { sku: skus[0], sellerSkuCode: 'TS-RED-L' }),
      managementLine('shop-a', {}),
      managementLine('shop-a', { sku: otherSkus[0] }),
      managementLine('shop-a', { sellerSkuCode: 'NO-SUCH-CODE' }),
      managementLine('shop-a', { sku: skus[0], memo: 'not a field' }),
      managementLine('shop-a', { sku: skus[0], managementNo: taken }),
      managementLine('shop-a', { sku: skus[0], deliveryMethod: 'bicycle' }),
    ];
    const response = await hub.request('POST', '/api/v1/orders/management', { body: lines });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { index: 0, field: 'deliveryTime', reason: 'delivery-time-needs-sagawa' },
      { index: 1, field: 'deliveryTime.date', reason: 'delivery-time-too-far' },
      { index: 2, field: 'sku', reason: 'sku-or-seller-sku-code' },
      { index: 3, field: 'sku', reason: 'sku-or-seller-sku-code' },
      { index: 4, field: 'sku', reason: 'unknown-sku' },
      { index: 5, field: 'sellerSkuCode', reason: 'unknown-seller-sku-code' },
      { index: 6, field: 'memo', reason: 'unknown-field' },
      { index: 7, field: 'managementNo', reason: 'duplicate-management-no' },
      { index: 8, field: 'deliveryMethod', reason: 'invalid-parcel-service' },
    ]);
    expect(await countOrders()).toBe(before);
  });

  it('filters orders by state and by due today', async () => {
    const db = hub.hub.store.db;
    const dueNow = qoo10Line('shop-a', '1000000001', 'サイズ: XL');
    const later = qoo10Line('shop-a', '1000000001', 'サイズ: XL', { desiredShipDate: addDays(tokyoDate(new Date()), 5) });
    await hub.request('POST', '/api/v1/orders/qoo10', { body: [dueNow, later] });
    const due = (await hub.request('GET', '/api/v1/orders?sellerId=shop-a&state=paid&dueToday=true&limit=1000')).body.orders.map(
      (o: { orderNo: string }) => o.orderNo,
    );
    expect(due).toContain(dueNow.orderNo);
    expect(due).not.toContain(later.orderNo);
    const notDue = (await hub.request('GET', '/api/v1/orders?sellerId=shop-a&dueToday=false&limit=1000')).body.orders.map(
      (o: { orderNo: string }) => o.orderNo,
    );
    expect(notDue).toContain(later.orderNo);
    const allocated = (await hub.request('GET', '/api/v1/orders?state=allocated&limit=1000')).body.orders;
    expect(allocated.length).toBeGreaterThan(0);
    expect(allocated.every((o: { state: string }) => o.state === 'allocated')).toBe(true);
    const laterRow = await orderByNo(db, 'shop-a', later.orderNo);
    expect((await hub.request('GET', `/api/v1/orders/${laterRow.id}`)).body.dueShipDate).toBe(addDays(tokyoDate(new Date()), 5));
  });

  it('keeps the order routes to their roles', async () => {
    const clerk = await hub.tokenFor('clerk');
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { token: clerk, body: [qoo10Line('shop-a', '1000000001', 'サイズ: S')] })).status).toBe(403);
    expect((await hub.request('GET', '/api/v1/orders', { token: clerk })).status).toBe(200);
    expect((await hub.request('GET', '/api/v1/orders', { token: null })).status).toBe(401);
    const openapi = (await hub.request('GET', '/api/openapi.json', { token: null })).body;
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orders/qoo10', '/api/v1/orders/management', '/api/v1/orders/{orderId}/allocation']),
    );
    expect(openapi.paths['/api/v1/orders/qoo10'].post.requestBody.content['application/json'].schema.items.properties).toHaveProperty('recipient');
  });
});

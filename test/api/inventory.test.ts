import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDatabase } from '../../server/storage/schema';
import { startTestHub, type TestHub } from '../support/hub-server';
import { hubStoreFactories } from '../support/hub-stores';
import { rowCount } from '../support/row-count';

describe.each(hubStoreFactories())('Q-inventory, SKUs, listing links and stock over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let sellerA: string;
  let sellerB: string;
  let clerk: string;
  let packer: string;

  const count = (table: keyof HubDatabase) => rowCount(hub.hub.store.db, table);
  const counts = async () => ({
    items: await count('inventory_items'),
    options: await count('inventory_options'),
    links: await count('listing_links'),
    changes: await count('changes'),
  });
  const detailCodes = (body: { error: { details?: { message: string }[] } }) => (body.error.details ?? []).map((detail) => detail.message);

  beforeAll(async () => {
    hub = await startTestHub(factory);
    for (const id of ['shop-a', 'shop-b']) expect((await hub.request('POST', '/api/v1/sellers', { body: { id, name: id } })).status).toBe(201);
    sellerA = await hub.tokenFor('seller', 'shop-a');
    sellerB = await hub.tokenFor('seller', 'shop-b');
    clerk = await hub.tokenFor('clerk');
    packer = await hub.tokenFor('packer');
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('issues the next free Q-inventory code, takes a given one, and refuses a taken one', async () => {
    const first = await hub.request('POST', '/api/v1/inventory', { token: sellerA, body: { name: 'Tシャツ 2024 夏' } });
    expect(first).toMatchObject({ status: 201, body: { code: '300000000001', sellerId: 'shop-a', separateInventory: true, options: [] } });
    const given = await hub.request('POST', '/api/v1/inventory', { token: sellerA, body: { code: '300001289771', name: 'Sneakers', sellerItemCode: 'SN-01' } });
    expect(given).toMatchObject({ status: 201, body: { code: '300001289771', sellerItemCode: 'SN-01' } });
    const next = await hub.request('POST', '/api/v1/inventory', { body: { sellerId: 'shop-b', name: 'Mug' } });
    expect(next).toMatchObject({ status: 201, body: { code: '300001289772', sellerId: 'shop-b' } });

    const before = await counts();
    const taken = await hub.request('POST', '/api/v1/inventory', { token: sellerB, body: { code: '300001289771', name: 'Again' }, language: 'en' });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'duplicate', message: 'Q-inventory 300001289771 already exists.' } } });
    expect(await counts()).toEqual(before);
  });

  it('creates options with the next free option code, edits them, and lists them with stock and link counts', async () => {
    const first = await hub.request('POST', '/api/v1/inventory/300001289771/options', { token: sellerA, body: { name: 'T-2 / サイズ : S' } });
    expect(first).toMatchObject({
      status: 201,
      body: { sku: '300001289771-00001', optionCode: '00001', extraPriceJpy: 0, currency: 'JPY', totalQuantity: 0, linkedProductCount: 0 },
    });
    const third = await hub.request('POST', '/api/v1/inventory/300001289771/options', {
      token: sellerA,
      body: {
        optionCode: '00003',
        name: 'T-2 / サイズ : L',
        sellerSkuCode: 'SN-01-L',
        extraPriceJpy: 300,
        jan: '4901234567894',
        lengthCm: 30,
        widthCm: 20.5,
        heightCm: 12,
        weightG: 800,
      },
    });
    expect(third).toMatchObject({ status: 201, body: { sku: '300001289771-00003', jan: '4901234567894', widthCm: 20.5, weightG: 800 } });
    const fourth = await hub.request('POST', '/api/v1/inventory/300001289771/options', { token: sellerA, body: { name: 'XL' } });
    expect(fourth.body.sku).toBe('300001289771-00004');
    const duplicate = await hub.request('POST', '/api/v1/inventory/300001289771/options', { token: sellerA, body: { optionCode: '00003', name: 'again' } });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'duplicate' } } });

    const edited = await hub.request('PATCH', '/api/v1/skus/300001289771-00003', {
      token: sellerA,
      body: { name: 'T-2 / サイズ : LL', extraPriceJpy: 500, jan: null, weightG: 850 },
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { name: 'T-2 / サイズ : LL', extraPriceJpy: 500, jan: null, weightG: 850, lengthCm: 30, sellerSkuCode: 'SN-01-L' },
    });
    // QSM's editor writes the same SKU with a slash or a colon; the hub answers with the canonical form.
    const other = await hub.request('GET', '/api/v1/skus/300001289771:00003', { token: clerk });
    expect(other).toMatchObject({ status: 200, body: { sku: '300001289771-00003' } });

    const list = await hub.request('GET', '/api/v1/inventory/300001289771/options', { token: packer });
    expect(list.body.map((option: { sku: string }) => option.sku)).toEqual(['300001289771-00001', '300001289771-00003', '300001289771-00004']);
  });

  it('edits a Q-inventory code and refuses an empty edit', async () => {
    const edited = await hub.request('PATCH', '/api/v1/inventory/300001289771', { token: sellerA, body: { name: 'Sneakers 2', separateInventory: false } });
    expect(edited).toMatchObject({ status: 200, body: { name: 'Sneakers 2', separateInventory: false, sellerItemCode: 'SN-01' } });
    expect(edited.body.options).toHaveLength(3);
    const back = await hub.request('PATCH', '/api/v1/inventory/300001289771', { token: sellerA, body: { separateInventory: true, sellerItemCode: null } });
    expect(back.body).toMatchObject({ separateInventory: true, sellerItemCode: null });
    expect((await hub.request('PATCH', '/api/v1/inventory/300001289771', { token: sellerA, body: {} })).status).toBe(400);
  });

  it('links and unlinks Qoo10 listings; the linked-product count follows', async () => {
    const sku = '300001289771-00001';
    const link = await hub.request('POST', `/api/v1/skus/${sku}/links`, {
      token: sellerA,
      body: { listingId: '1234567890', title: 'スニーカー', optionLabel: 'サイズ : S' },
    });
    expect(link).toMatchObject({ status: 201, body: { listingId: '1234567890', sku, optionLabel: 'サイズ : S' } });
    await hub.request('POST', `/api/v1/skus/${sku}/links`, { token: sellerA, body: { listingId: '1234567999', title: 'スニーカー セット' } });
    expect((await hub.request('GET', `/api/v1/skus/${sku}`, { token: sellerA })).body.linkedProductCount).toBe(2);
    expect((await hub.request('GET', `/api/v1/skus/${sku}/links`, { token: clerk })).body).toHaveLength(2);

    const before = await counts();
    const again = await hub.request('POST', `/api/v1/skus/${sku}/links`, {
      token: sellerA,
      body: { listingId: '1234567890', title: 'x', optionLabel: 'other' },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'duplicate' } } });
    const sameLabel = await hub.request('POST', '/api/v1/skus/300001289771-00003/links', {
      token: sellerA,
      body: { listingId: '1234567890', title: 'x', optionLabel: 'サイズ : S' },
    });
    expect(sameLabel).toMatchObject({ status: 409, body: { error: { code: 'listing-option-linked' } } });
    expect(await counts()).toEqual(before);

    expect((await hub.request('DELETE', `/api/v1/skus/${sku}/links/1234567999`, { token: sellerA })).status).toBe(204);
    expect((await hub.request('DELETE', `/api/v1/skus/${sku}/links/1234567999`, { token: sellerA })).status).toBe(404);
    const item = await hub.request('GET', '/api/v1/inventory/300001289771', { token: clerk });
    expect(item.body.options.map((option: { linkedProductCount: number }) => option.linkedProductCount)).toEqual([1, 0, 0]);
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const before = await counts();
    const attempts: [string, string, unknown, string[]][] = [
      ['POST', '/api/v1/inventory', { code: '200001289771', name: 'x' }, ['invalid-inventory-code']],
      ['POST', '/api/v1/inventory', { code: '30000128977', name: 'x' }, ['invalid-inventory-code']],
      ['POST', '/api/v1/inventory', { name: '<script>alert(1)</script>' }, ['markup']],
      ['POST', '/api/v1/inventory', { name: 'x'.repeat(201) }, ['too-long']],
      ['POST', '/api/v1/inventory', { name: '   ' }, ['empty']],
      ['POST', '/api/v1/inventory/300001289771/options', { optionCode: '123', name: 'x' }, ['invalid-option-code']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: '<b>bold</b>' }, ['markup']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', jan: '4901234567890' }, ['jan-check-digit']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', jan: '49012345' + 'A' }, ['invalid-jan']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', currency: 'USD' }, ['invalid-currency']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', extraPriceJpy: -1 }, ['negative-yen']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', extraPriceJpy: 10.5 }, ['invalid-yen']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', lengthCm: -3 }, ['invalid-dimension']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', lengthCm: 0 }, ['invalid-dimension']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', heightCm: 301 }, ['dimension-too-large']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', widthCm: 1.25 }, ['dimension-precision']],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'x', weightG: 100_001 }, ['weight-too-large']],
      ['PATCH', '/api/v1/skus/300001289771-00001', { sellerSkuCode: 'y'.repeat(51) }, ['too-long']],
      ['POST', '/api/v1/skus/300001289771-00001/links', { listingId: '12-34', title: 'x' }, ['invalid-item-no']],
      ['POST', '/api/v1/skus/300001289771-00001/links', { listingId: '1234', title: '<img src=x>' }, ['markup']],
    ];
    for (const [method, path, body, codes] of attempts) {
      const response = await hub.request(method, path, { token: sellerA, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error.code).toBe('bad-input');
      expect(detailCodes(response.body), JSON.stringify(body)).toEqual(expect.arrayContaining(codes));
    }
    for (const path of ['/api/v1/inventory/12345', '/api/v1/skus/300001289771-3', '/api/v1/skus/ABC']) {
      expect((await hub.request('GET', path, { token: clerk })).status, path).toBe(400);
    }
    const unknown = await hub.request('GET', '/api/v1/skus/300009999999-00001', { token: clerk, language: 'en' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not-found', message: 'SKU 300009999999-00001 was not found.' } } });
    const unknownItem = await hub.request('POST', '/api/v1/inventory/300009999999/options', { token: sellerA, body: { name: 'x' } });
    expect(unknownItem.status).toBe(404);
    const unknownSeller = await hub.request('POST', '/api/v1/inventory', { body: { sellerId: 'no-such-shop', name: 'x' } });
    expect(unknownSeller).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect(await counts()).toEqual(before);
  });

  it('lets the floor read but not write, and needs a seller named by staff', async () => {
    expect((await hub.request('GET', '/api/v1/inventory', { token: clerk })).status).toBe(200);
    expect((await hub.request('POST', '/api/v1/inventory', { token: clerk, body: { sellerId: 'shop-a', name: 'x' } })).status).toBe(403);
    expect((await hub.request('PATCH', '/api/v1/skus/300001289771-00001', { token: packer, body: { name: 'x' } })).status).toBe(403);
    expect((await hub.request('POST', '/api/v1/skus/300001289771-00001/links', { token: clerk, body: { listingId: '1', title: 'x' } })).status).toBe(403);
    const supervisor = await hub.tokenFor('supervisor');
    expect((await hub.request('POST', '/api/v1/inventory', { token: supervisor, body: { name: 'x' } })).status).toBe(400);
    expect((await hub.request('GET', '/api/v1/inventory', { token: null })).status).toBe(401);
  });

  it("keeps seller B out of seller A's inventory, SKUs, links and stock", async () => {
    const before = await counts();
    const aSku = '300001289771-00001';
    const refusals: [string, string, unknown?][] = [
      ['GET', '/api/v1/inventory/300001289771'],
      ['PATCH', '/api/v1/inventory/300001289771', { name: 'mine now' }],
      ['GET', '/api/v1/inventory/300001289771/options'],
      ['POST', '/api/v1/inventory/300001289771/options', { name: 'sneaky' }],
      ['GET', `/api/v1/skus/${aSku}`],
      ['PATCH', `/api/v1/skus/${aSku}`, { name: 'sneaky' }],
      ['GET', `/api/v1/skus/${aSku}/links`],
      ['POST', `/api/v1/skus/${aSku}/links`, { listingId: '555', title: 'x' }],
      ['DELETE', `/api/v1/skus/${aSku}/links/1234567890`],
      ['GET', `/api/v1/stock?sku=${aSku}`],
      ['GET', '/api/v1/stock?sellerId=shop-a'],
      ['GET', '/api/v1/inventory?sellerId=shop-a'],
      ['POST', '/api/v1/inventory', { sellerId: 'shop-a', name: 'for A' }],
    ];
    for (const [method, path, body] of refusals) {
      const response = await hub.request(method, path, { token: sellerB, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const own = await hub.request('GET', '/api/v1/inventory', { token: sellerB });
    expect(own.body.map((item: { code: string }) => item.code)).toEqual(['300001289772']);
    const stock = await hub.request('GET', '/api/v1/stock', { token: sellerB });
    expect(stock.body).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('reads stock per SKU and branch, and records a change for every write stations need', async () => {
    const db = hub.hub.store.db;
    await db.transaction().execute(async (trx) => {
      const { postMovement } = await import('../../server/services/stock-ledger');
      await postMovement(trx, { sku: '300001289771-00003', branchCode: '0000011520', kind: 'inbound', quantity: 7 });
      await postMovement(trx, { sku: '300001289771-00003', branchCode: '0000000082', kind: 'inbound', quantity: 2 });
    });
    const stock = await hub.request('GET', '/api/v1/stock?sku=300001289771/00003', { token: sellerA });
    expect(stock.body).toEqual([
      expect.objectContaining({
        sku: '300001289771-00003',
        sellerId: 'shop-a',
        totalQuantity: 9,
        branchQuantities: [
          { branchCode: '0000000082', quantity: 2, damaged: 0 },
          { branchCode: '0000011520', quantity: 7, damaged: 0 },
        ],
      }),
    ]);
    const all = await hub.request('GET', '/api/v1/stock?sellerId=shop-a', { token: clerk });
    expect(all.body.map((row: { sku: string; totalQuantity: number }) => [row.sku, row.totalQuantity])).toEqual([
      ['300001289771-00001', 0],
      ['300001289771-00003', 9],
      ['300001289771-00004', 0],
    ]);
    const item = await hub.request('GET', '/api/v1/inventory?sellerId=shop-a', { token: clerk });
    const sneakers = item.body.find((row: { code: string }) => row.code === '300001289771');
    expect(sneakers.options[1]).toMatchObject({
      totalQuantity: 9,
      branchQuantities: [
        { branchCode: '0000000082', quantity: 2, damaged: 0 },
        { branchCode: '0000011520', quantity: 7, damaged: 0 },
      ],
    });

    const changes = await db.selectFrom('changes').selectAll().where('entity', 'in', ['inventory-item', 'sku']).orderBy('seq').execute();
    expect(changes.filter((change) => change.entity === 'inventory-item' && change.entity_id === '300001289771')).toHaveLength(3);
    const lastSku = changes.filter((change) => change.entity_id === '300001289771-00003').at(-1)!;
    expect(lastSku).toMatchObject({ seller_id: 'shop-a', branch_code: null });
    expect(JSON.parse(lastSku.data)).toMatchObject({ name: 'T-2 / サイズ : LL', weightG: 850 });
  });

  it('describes every route in the OpenAPI document', async () => {
    const openapi = await hub.request('GET', '/api/openapi.json', { token: null });
    for (const path of [
      '/api/v1/inventory',
      '/api/v1/inventory/{code}',
      '/api/v1/inventory/{code}/options',
      '/api/v1/skus/{sku}',
      '/api/v1/skus/{sku}/links',
      '/api/v1/stock',
    ]) {
      expect(Object.keys(openapi.body.paths)).toContain(path);
    }
    expect(openapi.body.paths['/api/v1/stock'].get.summary).toContain('qwms stock');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubLanguage } from '../../shared/hub/hub-roles';
import { parseWorkbook, templateKinds } from '../../server/excel';
import { templates } from '../../server/excel/templates';
import type { HubDatabase } from '../../server/storage/schema';
import { startTestHub, type TestHub } from '../support/hub-server';
import { hubStoreFactories } from '../support/hub-stores';
import { located, workbookBytes } from '../unit/excel/workbook-files';
import { rowCount } from '../support/row-count';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tokyo = '0000011520';
const inboundHeader = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];
const optionsHeader = ['Color', 'Size', 'Qty', 'Price', 'Currency', 'SellerCode'];

/** The shipments template's headers as it is downloaded in `language` (they are localised). */
const shipmentsHeader = (language: HubLanguage) => Object.values(templates.shipments.columns).map((column) => column.label[language]);

/** One shipments row in template column order; `sku` or `sellerSkuCode` names the SKU. */
function shipmentRow(fields: { orderNo: string; sku?: string; sellerSkuCode?: string; method?: string; address?: string; detail?: string }): unknown[] {
  const { orderNo, sku = null, sellerSkuCode = null, method = '一般', address = '東京都千代田区丸の内 1-1', detail = null } = fields;
  // Reference order no., item code, item name, delivery method, country, recipient name, phone, postal code,
  // address, address detail, reference price, memo, branch, SKU no., seller SKU code, quantity.
  return [
    orderNo,
    null,
    'テスト商品',
    method,
    'JP',
    '山田 太郎',
    '03-1234-5678',
    '100-0005',
    address,
    detail,
    1200,
    null,
    'Qxpress JP Tokyo',
    sku,
    sellerSkuCode,
    2,
  ];
}

describe.each(hubStoreFactories())('Excel imports over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  const tokens: Record<'sellerA' | 'sellerB' | 'clerk', string> = {} as never;

  // A's T-shirt (seller item code A-TEE; options S with seller SKU code A-TEE-S, and M), A's mug with separate
  // inventory management off, and B's item.
  const small = '300000000001-00001';
  const medium = '300000000001-00002';

  const db = () => hub.hub.store.db;
  const count = (table: keyof HubDatabase) => rowCount(db(), table);
  const counts = async () => ({
    lines: await count('inbound_lines'),
    items: await count('inventory_items'),
    options: await count('inventory_options'),
    orders: await count('orders'),
    changes: await count('changes'),
  });

  function upload(kind: string, bytes: Uint8Array, options: { token?: string; query?: string; language?: string; contentType?: string } = {}) {
    const path = `/api/v1/imports/${kind}${options.query ? `?${options.query}` : ''}`;
    return hub.request('POST', path, {
      token: options.token ?? tokens.sellerA,
      raw: bytes,
      language: options.language,
      headers: { 'content-type': options.contentType ?? xlsxType },
    });
  }

  beforeAll(async () => {
    hub = await startTestHub(factory);
    for (const id of ['shop-a', 'shop-b']) expect((await hub.request('POST', '/api/v1/sellers', { body: { id, name: id } })).status).toBe(201);
    tokens.sellerA = await hub.tokenFor('seller', 'shop-a');
    tokens.sellerB = await hub.tokenFor('seller', 'shop-b');
    tokens.clerk = await hub.tokenFor('clerk');
    const items: [string, string, boolean, object[]][] = [
      ['shop-a', '300000000001', true, [{ name: 'S', sellerSkuCode: 'A-TEE-S' }, { name: 'M' }]],
      ['shop-a', '300000000002', false, [{ name: 'mug' }]],
      ['shop-b', '300000000003', true, [{ name: 'B' }]],
    ];
    for (const [sellerId, code, separateInventory, options] of items) {
      const sellerItemCode = code === '300000000001' ? 'A-TEE' : null;
      expect(
        (await hub.request('POST', '/api/v1/inventory', { body: { sellerId, code, name: `item ${code}`, sellerItemCode, separateInventory } })).status,
      ).toBe(201);
      for (const option of options) expect((await hub.request('POST', `/api/v1/inventory/${code}/options`, { body: option })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  describe('inbound', () => {
    it('applies a good file: every row becomes an inbound line of the seller, codes and JAN kept as text', async () => {
      const file = await workbookBytes([
        inboundHeader,
        [null, '300000000001', '00001', 'in', 3, tokyo, '4901234567894'],
        ['A-TEE-S', '300000000001', '00001', 'in', 2, tokyo, null],
        ['A-TEE', '300000000001', '00002', 'in', 4, tokyo, null],
      ]);
      const before = await count('inbound_lines');
      const response = await upload('inbound', file);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ applied: true, summary: { kind: 'inbound', lines: 3, units: 9 } });
      expect(await count('inbound_lines')).toBe(before + 3);
      const lines = (await hub.request('GET', '/api/v1/inbound-lines?unbundled=true', { token: tokens.sellerA })).body;
      expect(lines.map((line: any) => [line.sku, line.quantity, line.branchCode, line.description])).toEqual(
        expect.arrayContaining([
          [small, 3, tokyo, '4901234567894'],
          [small, 2, tokyo, null],
          [medium, 4, tokyo, null],
        ]),
      );
    });

    it('reports every bad row, good rows between them, at its row and column in the caller’s language, and stores nothing', async () => {
      const file = await workbookBytes([
        inboundHeader,
        [null, '300000000001', '00001', 'in', 1, tokyo, null],
        [null, '300000000001', '00009', 'in', 1, tokyo, null],
        [null, '300000000001', '00002', 'in', 1, tokyo, null],
        [null, '300000000001', '00002', 'in', 1, '0000099999', null],
        ['WRONG', '300000000001', '00001', 'in', 1, tokyo, null],
      ]);
      const before = await counts();

      const ja = await upload('inbound', file);
      expect(ja.status, JSON.stringify(ja.body)).toBe(422);
      expect(ja.body.error.code).toBe('excel-invalid');
      expect(ja.body.error.message).toContain('3 件の問題');
      const errors = ja.body.error.details.errors;
      expect(located(errors)).toEqual(['3:InventoryOptionCode:unknown-option-code', '5:BranchCode:unknown-branch', '6:SellerCode:seller-code-mismatch']);
      expect(errors[0].message).toBe('「InventoryOptionCode」: Q在庫コード 300000000001 にオプションコード 00009 はありません。');
      expect(errors[1].message).toBe('「BranchCode」の支店コード 0000099999 は見つかりません。');
      expect(errors[2].message).toBe('「SellerCode」の WRONG は、SKU 300000000001-00001 に登録された販売者コード（A-TEE / A-TEE-S）と一致しません。');

      const en = await upload('inbound', file, { language: 'en' });
      expect(en.status).toBe(422);
      expect(en.body.error.message).toBe('Nothing was imported: the file has 3 problem(s). Fix them all and import the file again.');
      expect(located(en.body.error.details.errors)).toEqual(located(errors));
      expect(en.body.error.details.errors.map((error: any) => error.message)).toEqual([
        '"InventoryOptionCode": Q-inventory code 300000000001 has no option 00009.',
        '"BranchCode": branch code 0000099999 was not found.',
        '"SellerCode" WRONG does not match the seller code registered on SKU 300000000001-00001 (A-TEE / A-TEE-S).',
      ]);

      expect(await counts()).toEqual(before);
    });

    it('undoes lines already written when the only problem is found after them (a SellerCode that does not match)', async () => {
      const file = await workbookBytes([
        inboundHeader,
        [null, '300000000001', '00001', 'in', 1, tokyo, null],
        ['A-TEE-M', '300000000001', '00002', 'in', 1, tokyo, null],
      ]);
      const before = await counts();
      const response = await upload('inbound', file);
      expect(located(response.body.error.details.errors)).toEqual(['3:SellerCode:seller-code-mismatch']);
      expect(await counts()).toEqual(before);
    });

    it('reports another seller’s SKU exactly like one that does not exist, and a Q-inventory code without separate inventory management', async () => {
      const file = await workbookBytes([
        inboundHeader,
        [null, '300000000003', '00001', 'in', 1, tokyo, null],
        [null, '300000000099', '00001', 'in', 1, tokyo, null],
        [null, '300000000002', '00001', 'in', 1, tokyo, null],
      ]);
      const before = await counts();
      const response = await upload('inbound', file, { language: 'en' });
      expect(response.status).toBe(422);
      const errors = response.body.error.details.errors;
      expect(located(errors)).toEqual([
        '2:InventoryCode:unknown-inventory-code',
        '3:InventoryCode:unknown-inventory-code',
        '4:InventoryCode:separate-inventory-required',
      ]);
      expect(errors[0].message).toBe('"InventoryCode": Q-inventory code 300000000003 was not found.');
      expect(errors[1].message).toBe(errors[0].message.replace('300000000003', '300000000099'));
      expect(JSON.stringify(response.body)).not.toContain('shop-b');
      expect(errors[2].message).toContain('separate inventory management');
      expect(await counts()).toEqual(before);
    });

    it('reports the file’s own problems (read before the database is asked) with rows and columns', async () => {
      const file = await workbookBytes([inboundHeader, [null, '300000000001', '1', 'in', 0, tokyo, null], [null, '12345', '00001', 'out', 1, tokyo, null]]);
      const response = await upload('inbound', file, { language: 'en' });
      expect(response.status).toBe(422);
      expect(located(response.body.error.details.errors)).toEqual([
        '2:InventoryOptionCode:invalid-option-code',
        '2:MovingQty:out-of-range',
        '3:InventoryCode:invalid-inventory-code',
        '3:InOut:not-allowed-value',
      ]);
    });
  });

  describe('options', () => {
    const optionsFile = () =>
      workbookBytes([optionsHeader, ['ブルー', 'M', 10, 0, 'JPY', 'BL-M'], ['ブルー', 'L', 10, 0, 'JPY', null], ['ホワイト', 'S', 5, 0, 'JPY', null]]);

    it('creates a new Q-inventory code with the file’s options as its SKUs, in one go', async () => {
      const before = await counts();
      const response = await upload('options', await optionsFile(), { query: `inventoryName=${encodeURIComponent('リネン シャツ')}` });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const { summary } = response.body;
      expect(summary).toMatchObject({ kind: 'options', inventoryCreated: true });
      expect(summary.skus).toEqual(['00001', '00002', '00003'].map((option) => `${summary.inventoryCode}-${option}`));

      const item = (await hub.request('GET', `/api/v1/inventory/${summary.inventoryCode}`, { token: tokens.sellerA })).body;
      expect(item).toMatchObject({ sellerId: 'shop-a', name: 'リネン シャツ', separateInventory: true });
      expect(item.options.map((option: any) => [option.name, option.sellerSkuCode, option.extraPriceJpy])).toEqual([
        ['ブルー / M', 'BL-M', 0],
        ['ブルー / L', null, 0],
        ['ホワイト / S', null, 0],
      ]);
      // Stations learn of the new item and SKUs through the changes feed.
      expect(await counts()).toMatchObject({ items: before.items + 1, options: before.options + 3, changes: before.changes + 4 });
    });

    it('adds to an existing Q-inventory code, refusing every option it already has and adding none', async () => {
      const created = await upload('options', await workbookBytes([optionsHeader, ['ブルー', 'M', 1, 0, 'JPY', null]]), { query: 'inventoryName=Polo' });
      const code = created.body.summary.inventoryCode;
      const before = await counts();
      const response = await upload('options', await optionsFile(), { query: `inventoryCode=${code}`, language: 'en' });
      expect(response.status).toBe(422);
      expect(located(response.body.error.details.errors)).toEqual(['2:Color:option-exists']);
      expect(response.body.error.details.errors[0].message).toBe(`The option "ブルー / M" already exists on Q-inventory code ${code} (SKU ${code}-00001).`);
      expect(await counts()).toEqual(before);

      const rest = await upload('options', await workbookBytes([optionsHeader, ['ブルー', 'L', 1, 0, 'JPY', null]]), { query: `inventoryCode=${code}` });
      expect(rest.status).toBe(200);
      expect(rest.body.summary).toEqual({ kind: 'options', inventoryCode: code, inventoryCreated: false, skus: [`${code}-00002`] });
    });

    it('needs exactly one target: an existing code of the seller or a new name', async () => {
      const file = await optionsFile();
      const before = await counts();
      expect((await upload('options', file)).body.error.code).toBe('import-target-required');
      expect((await upload('options', file, { query: 'inventoryCode=300000000001&inventoryName=x' })).body.error.code).toBe('import-target-required');
      const othersItem = await upload('options', file, { query: 'inventoryCode=300000000003' });
      expect(othersItem.status).toBe(404);
      expect(await counts()).toEqual(before);
    });
  });

  describe('other-platform shipments', () => {
    it('registers each row as a management-no. order of the seller, by SKU no. or by seller SKU code', async () => {
      const file = await workbookBytes([
        shipmentsHeader('ja'),
        shipmentRow({ orderNo: '5001', sku: medium, detail: 'サンプルビル 3F' }),
        shipmentRow({ orderNo: '5002', sellerSkuCode: 'A-TEE-S', method: '佐川' }),
      ]);
      const response = await upload('shipments', file);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.summary).toMatchObject({ kind: 'shipments', orders: 2 });
      const orders = await db()
        .selectFrom('orders')
        .selectAll()
        .where('seller_id', '=', 'shop-a')
        .where('order_no', 'in', ['5001', '5002'])
        .orderBy('order_no')
        .execute();
      expect(
        orders.map((order) => [order.source, order.order_no, order.sku, order.quantity, order.delivery_method, order.address, order.recipient_phone]),
      ).toEqual([
        ['management', '5001', medium, 2, 'yamato', '東京都千代田区丸の内 1-1 サンプルビル 3F', '0312345678'],
        ['management', '5002', small, 2, 'sagawa', '東京都千代田区丸の内 1-1', '0312345678'],
      ]);
    });

    it('reports unknown SKUs, taken management numbers and non-numeric ones under the columns as the template names them', async () => {
      const rows = [
        shipmentRow({ orderNo: '5001', sku: small }),
        shipmentRow({ orderNo: '6001', sellerSkuCode: 'NO-SUCH' }),
        shipmentRow({ orderNo: 'AB-12', sku: small }),
        shipmentRow({ orderNo: '6002', sku: '300000000003-00001' }),
      ];
      const before = await counts();
      const expected = (language: HubLanguage) => {
        const column = (key: keyof typeof templates.shipments.columns) => templates.shipments.columns[key].label[language];
        return [
          `2:${column('referenceOrderNo')}:duplicate-management-no`,
          `3:${column('sellerSkuCode')}:unknown-seller-sku-code`,
          `4:${column('referenceOrderNo')}:invalid-management-no`,
          `5:${column('sku')}:unknown-sku`,
        ];
      };
      const ja = await upload('shipments', await workbookBytes([shipmentsHeader('ja'), ...rows]));
      expect(ja.status).toBe(422);
      expect(located(ja.body.error.details.errors)).toEqual(expected('ja'));
      expect(ja.body.error.details.errors[0].message).toBe('「参照注文番号」の 5001 はすでに登録されているか、上の行と重複しています。');

      const en = await upload('shipments', await workbookBytes([shipmentsHeader('en'), ...rows]), { language: 'en' });
      expect(located(en.body.error.details.errors)).toEqual(expected('en'));
      expect(en.body.error.details.errors[3].message).toBe('"SKU No.": SKU 300000000003-00001 was not found.');
      expect(await counts()).toEqual(before);
    });
  });

  describe('templates', () => {
    it.each(templateKinds)('serves the %s template as an .xlsx that reads back as its example rows', async (kind) => {
      const response = await fetch(new URL(`/api/v1/excel-templates/${kind}?language=en`, hub.url), { headers: { authorization: `Bearer ${tokens.sellerA}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(xlsxType);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="qwms-${kind}-template-en.xlsx"`);
      const parsed = await parseWorkbook(kind, new Uint8Array(await response.arrayBuffer()), { language: 'en' });
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      expect(parsed.ok && parsed.rows.length).toBe(templates[kind].samples.length);
    });

    it('speaks the Accept-Language when no language is named, and is not for the floor', async () => {
      const response = await fetch(new URL('/api/v1/excel-templates/shipments', hub.url), {
        headers: { authorization: `Bearer ${tokens.sellerA}`, 'accept-language': 'ko' },
      });
      expect(response.headers.get('content-disposition')).toContain('shipments-template-ko.xlsx');
      const clerk = await hub.request('GET', '/api/v1/excel-templates/inbound', { token: tokens.clerk });
      expect(clerk.status).toBe(403);
    });
  });

  describe('uploads that are not a workbook', () => {
    it('refuses bytes that are not an .xlsx with a clear file-level problem', async () => {
      const before = await counts();
      const response = await upload('inbound', new TextEncoder().encode('SellerCode,InventoryCode\n,300000000001\n'), {
        contentType: 'application/octet-stream',
        language: 'en',
      });
      expect(response.status).toBe(422);
      expect(response.body.error.details.errors).toEqual([{ row: 0, column: '', code: 'not-xlsx', message: expect.stringContaining('not an Excel file') }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a body of another type, and one over the size limit with the hub’s own message', async () => {
      const json = await hub.request('POST', '/api/v1/imports/inbound', { token: tokens.sellerA, body: { rows: [] } });
      expect(json.status).toBe(415);
      const before = await counts();
      const huge = await upload('inbound', new Uint8Array(13 * 1024 * 1024), { language: 'en' });
      expect(huge.status).toBe(413);
      expect(huge.body.error).toEqual({ code: 'body-too-large', message: 'The upload is too large (limit 12 MB).' });
      expect(await counts()).toEqual(before);
    });
  });

  describe('seller isolation', () => {
    it('lets a seller import only for itself, and staff only for a seller they name', async () => {
      const file = await workbookBytes([inboundHeader, [null, '300000000001', '00001', 'in', 1, tokyo, null]]);
      const before = await counts();
      const intoA = await upload('inbound', file, { token: tokens.sellerB, query: 'sellerId=shop-a' });
      expect(intoA.status).toBe(404);
      expect(intoA.body.error.code).toBe('not-found');
      const asB = await upload('inbound', file, { token: tokens.sellerB, language: 'en' });
      expect(located(asB.body.error.details.errors)).toEqual(['2:InventoryCode:unknown-inventory-code']);
      const optionsIntoA = await upload('options', await workbookBytes([optionsHeader, ['赤', 'S', 1, 0, 'JPY', null]]), {
        token: tokens.sellerB,
        query: 'inventoryCode=300000000001',
      });
      expect(optionsIntoA.status).toBe(404);
      const staffWithoutSeller = await upload('inbound', file, { token: hub.adminToken });
      expect(staffWithoutSeller.status).toBe(400);
      expect(await counts()).toEqual(before);

      const staffForA = await upload('inbound', file, { token: hub.adminToken, query: 'sellerId=shop-a' });
      expect(staffForA.status).toBe(200);
      expect(await count('inbound_lines')).toBe(before.lines + 1);
    });
  });
});

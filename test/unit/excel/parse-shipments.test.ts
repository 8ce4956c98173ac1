import { describe, expect, it } from 'vitest';
import { parseWorkbook, type ShipmentRow } from '../../../server/excel';
import { located, workbookBytes } from './workbook-files';

async function parseShipments(rows: unknown[][], language: 'ja' | 'en' | 'zh-CN' | 'ko' = 'en') {
  return parseWorkbook('shipments', await workbookBytes(rows), { language });
}

function rowsOf(result: Awaited<ReturnType<typeof parseShipments>>): ShipmentRow[] {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.rows;
}

// The manual's Chinese headers, in the manual's order.
const manualHeaders = [
  '参考订购号码',
  '商品代码',
  '商品名',
  '运送方式',
  '发货国家',
  '收取人名',
  '收取人电话号码',
  '邮政编码',
  '运送地址',
  '运送地址(详情)',
  '参考价格',
  '备注',
  '分店',
  'SKU no.',
  '卖家SKU代码',
];

describe('other-platform shipments import', () => {
  it('reads the manual’s Chinese headers, quantity 1 when there is no quantity column', async () => {
    const rows = rowsOf(
      await parseShipments([
        manualHeaders,
        [
          100472743,
          '',
          'tttest item',
          '一般（可以运送追踪）',
          'JP',
          'test name',
          '03-1234-1234',
          '123-4567',
          '東京都千代田区丸の内1-1-1',
          'ADAM ROAD F#124-4',
          100,
          'Hope date : 25th Apr',
          'Qxpress JP Tokyo',
          '300001289771-00003',
          '',
        ],
      ]),
    );
    expect(rows).toEqual([
      {
        row: 2,
        referenceOrderNo: '100472743',
        itemCode: null,
        itemName: 'tttest item',
        deliveryMethod: 'general',
        country: 'JP',
        recipientName: 'test name',
        recipientPhone: '03-1234-1234',
        postalCode: '123-4567',
        address: '東京都千代田区丸の内1-1-1',
        addressDetail: 'ADAM ROAD F#124-4',
        referencePrice: 100,
        memo: 'Hope date : 25th Apr',
        branch: 'Qxpress JP Tokyo',
        sku: '300001289771-00003',
        sellerSkuCode: null,
        quantity: 1,
      },
    ]);
  });

  it('reads Japanese headers, lost leading zeros of phone and postal codes, and the other spellings of choices', async () => {
    const rows = rowsOf(
      await parseShipments([
        ['管理番号', '商品名', '配送方法', '発送国', '受取人名', '電話番号', '郵便番号', '住所', '参考価格', '支店', '販売者SKUコード', '数量'],
        ['A-1', 'Tシャツ', 'ネコポス', '日本', '山田　太郎', 9012345678, 600001, '北海道札幌市中央区北一条西２－１', 1980, 'Qxpress Japan', 'TS-BLK-M', 2],
        [
          'A-2',
          'Tシャツ',
          '佐川急便',
          'jp',
          '山田 花子',
          '０３－１２３４－５６７８',
          '〒100-0005',
          '東京都千代田区丸の内1-1',
          1980,
          '0000011520',
          'TS-BLK-L',
          '',
        ],
      ]),
    );
    expect(rows[0]).toMatchObject({
      deliveryMethod: 'nekopos',
      country: 'JP',
      recipientName: '山田 太郎',
      recipientPhone: '09012345678',
      postalCode: '060-0001',
      address: '北海道札幌市中央区北一条西2-1',
      branch: 'Qxpress JP Tokyo',
      sku: null,
      sellerSkuCode: 'TS-BLK-M',
      quantity: 2,
    });
    expect(rows[1]).toMatchObject({ deliveryMethod: 'sagawa', recipientPhone: '03-1234-5678', postalCode: '100-0005', quantity: 1 });
  });

  it('needs a SKU no. or a seller SKU code on every line, and names both columns', async () => {
    const result = await parseShipments(
      [
        [...manualHeaders, '数量'],
        ['1', '', 'item', '一般', 'JP', 'name', '03-1234-1234', '1000005', 'address', '', 100, '', 'Qxpress JP Tokyo', '', '', 1],
      ],
      'zh-CN',
    );
    expect(result.ok ? [] : located(result.errors)).toEqual(['2:SKU no.:sku-or-seller-code-required']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe('请填写“SKU no.”或“卖家SKU代码”其中之一。');
  });

  it('refuses a file that has neither the SKU no. nor the seller SKU code column', async () => {
    const result = await parseShipments(
      [manualHeaders.slice(0, 13), ['1', '', 'item', '一般', 'JP', 'name', '03-1234-1234', '1000005', 'address', '', 100, '', 'Qxpress JP Tokyo']],
      'en',
    );
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual(['The required column "SKU No. / Seller SKU Code" is missing.']);
  });

  it('reports bad phone numbers, postal codes, countries, branches and SKUs per cell', async () => {
    const result = await parseShipments([
      manualHeaders,
      ['1', '', 'item', 'Drone', 'US', 'name', '65-1234-1234', '123456', 'address', '', '¥100', '', 'Qxpress Osaka', '300001289771-3', ''],
    ]);
    if (result.ok) throw new Error('expected errors');
    expect(located(result.errors)).toEqual([
      '2:运送方式:not-allowed-value',
      '2:发货国家:not-allowed-value',
      '2:收取人电话号码:invalid-phone',
      '2:邮政编码:invalid-postal-code',
      '2:参考价格:not-integer',
      '2:分店:not-allowed-value',
      '2:SKU no.:invalid-sku',
    ]);
    expect(result.errors[0]?.message).toBe('"Drone" is not allowed in "运送方式". Use one of: General, Nekopos, Yamato, Sagawa');
  });
});

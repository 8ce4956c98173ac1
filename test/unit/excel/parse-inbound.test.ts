import { describe, expect, it } from 'vitest';
import { parseWorkbook, type InboundRow } from '../../../server/excel';
import { located, patchWorkbook, workbookBytes } from './workbook-files';

const manualHeaders = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];

async function parseInbound(rows: unknown[][], language: 'ja' | 'en' = 'en') {
  return parseWorkbook('inbound', await workbookBytes(rows), { language });
}

function rowsOf(result: Awaited<ReturnType<typeof parseInbound>>): InboundRow[] {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.rows;
}

describe('inbound import', () => {
  it('reads the manual’s own rows into typed lines with the full SKU', async () => {
    const rows = rowsOf(
      await parseInbound([
        manualHeaders,
        ['', '300000154634', '00001', 'in', 2, '0000011520', ''],
        ['TSHIRT-01', '300000154634', '00002', 'in', 5, '0000011520', 'first box'],
      ]),
    );
    expect(rows).toEqual([
      {
        row: 2,
        sellerCode: null,
        inventoryCode: '300000154634',
        optionCode: '00001',
        sku: '300000154634-00001',
        inOut: 'in',
        quantity: 2,
        branchCode: '0000011520',
        description: null,
      },
      {
        row: 3,
        sellerCode: 'TSHIRT-01',
        inventoryCode: '300000154634',
        optionCode: '00002',
        sku: '300000154634-00002',
        inOut: 'in',
        quantity: 5,
        branchCode: '0000011520',
        description: 'first box',
      },
    ]);
  });

  it('gives number cells back the leading zeros Excel dropped and keeps a JAN typed as a number as its digits', async () => {
    const [row] = rowsOf(await parseInbound([manualHeaders, [null, 300000154634, 1, 'in', 3, 11520, 4901234567894]]));
    expect(row).toMatchObject({
      inventoryCode: '300000154634',
      optionCode: '00001',
      branchCode: '0000011520',
      description: '4901234567894',
      quantity: 3,
    });
  });

  it('reads full-width digits and letters as half-width', async () => {
    const [row] = rowsOf(
      await parseInbound([
        manualHeaders,
        ['ＡＢＣ－１', '３０００００１５４６３４', '００００２', 'ＩＮ', '３０００', '０００００１１５２０', '４９０１２３４５６７８９４'],
      ]),
    );
    expect(row).toMatchObject({
      sellerCode: 'ABC-1',
      inventoryCode: '300000154634',
      optionCode: '00002',
      inOut: 'in',
      quantity: 3000,
      branchCode: '0000011520',
      description: '4901234567894',
    });
  });

  it('accepts Japanese and Chinese headers in any order and any width or case', async () => {
    const japanese = rowsOf(
      await parseInbound([
        ['数量', '支店コード', 'Ｑ在庫コード', 'オプションコード', '入出庫区分', '説明'],
        [7, '0000011520', '300000154634', '00003', 'in', 'JAN 4901234567894'],
      ]),
    );
    const chinese = rowsOf(
      await parseInbound([
        ['入库数量', 'Q库存代码', '分店代码', 'Q库存选项代码', '入库/出库'],
        [7, '300000154634', '0000011520', '00003', 'in'],
      ]),
    );
    const english = rowsOf(
      await parseInbound([
        ['inventory code', 'BRANCHCODE', 'inout', 'moving_qty*', 'InventoryOptionCode'],
        ['300000154634', '0000011520', 'in', 7, '00003'],
      ]),
    );
    for (const [row] of [japanese, chinese, english]) {
      expect(row).toMatchObject({ sku: '300000154634-00003', quantity: 7, branchCode: '0000011520' });
    }
    expect(japanese[0]?.description).toBe('JAN 4901234567894');
  });

  it('skips empty rows, also ones with only spaces, and keeps the Excel row numbers', async () => {
    const rows = rowsOf(
      await parseInbound([
        manualHeaders,
        ['', '300000154634', '00001', 'in', 1, '0000011520'],
        [],
        ['  ', '　', ''],
        ['', '300000154634', '00002', 'in', 1, '0000011520'],
      ]),
    );
    expect(rows.map((row) => row.row)).toEqual([2, 5]);
  });

  it('reports every bad cell of every row with its row and header, in Japanese and English', async () => {
    const file = [
      manualHeaders,
      ['', '200000154634', '123456', 'out', 0, '11520', ''],
      ['', '300000154634', '00001', 'in', 2, '0000011520', '<script>alert(1)</script>'],
      ['', '', '00001', 'in', '2.5', '0000011520', 'line\nbreak'],
      ['', '300000154634', '00001', 'in', 100_001, '0000011520', ''],
    ];
    const japanese = await parseInbound(file, 'ja');
    const english = await parseInbound(file, 'en');
    if (japanese.ok || english.ok) throw new Error('expected errors');
    const expected = [
      '2:InventoryCode:invalid-inventory-code',
      '2:InventoryOptionCode:invalid-option-code',
      '2:InOut:not-allowed-value',
      '2:MovingQty:out-of-range',
      '2:BranchCode:invalid-branch-code',
      '3:Description:markup-not-allowed',
      '4:InventoryCode:required',
      '4:MovingQty:not-integer',
      '4:Description:control-character',
      '5:MovingQty:out-of-range',
    ];
    expect(located(japanese.errors)).toEqual(expected);
    expect(located(english.errors)).toEqual(expected);
    expect(japanese.errors[3]?.message).toBe('「MovingQty」は 1〜100000 の範囲で入力してください（入力値: 0）。');
    expect(english.errors[3]?.message).toBe('"MovingQty" must be between 1 and 100000 (found: 0).');
    expect(english.errors[1]?.message).toContain('123456');
  });

  it('names a column without a header by its letter, and reports an unknown header once', async () => {
    const result = await parseInbound([
      [...manualHeaders, 'Colour'],
      ['', '300000154634', '00001', 'in', 2, '0000011520', '', 'red', 'stray'],
      ['', '300000154634', '00002', 'in', 2, '0000011520', '', 'blue'],
    ]);
    expect(result.ok ? [] : located(result.errors)).toEqual(['1:Colour:unknown-column', '2:I:value-without-header']);
  });

  it('refuses a file without a required column before reading its rows', async () => {
    const result = await parseInbound([
      ['InventoryCode', 'InventoryOptionCode', 'InOut', 'BranchCode'],
      ['bad', 'bad', 'bad', 'bad'],
    ]);
    expect(result.ok ? [] : located(result.errors)).toEqual(['1::missing-column']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe('The required column "MovingQty" is missing.');
  });

  it('refuses a column given twice', async () => {
    const result = await parseInbound([
      [...manualHeaders, 'Q在庫コード'],
      ['', '300000154634', '00001', 'in', 2, '0000011520', '', '300000154634'],
    ]);
    expect(result.ok ? [] : located(result.errors)).toEqual(['1:Q在庫コード:duplicate-column']);
  });

  it('reads a 10,000-line file, row numbers and values intact', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => [
      `S-${i}`,
      String(300_000_000_000 + i),
      String((i % 99_999) + 1).padStart(5, '0'),
      'in',
      (i % 100) + 1,
      '0000011520',
      4_901_234_567_894 + i,
    ]);
    const bytes = await workbookBytes([manualHeaders, ...lines]);
    const started = performance.now();
    const result = await parseWorkbook('inbound', bytes, { language: 'ja' });
    const elapsed = performance.now() - started;
    const rows = rowsOf(result);
    expect(rows).toHaveLength(10_000);
    expect(rows[0]).toMatchObject({ row: 2, sku: '300000000000-00001', quantity: 1, description: '4901234567894' });
    expect(rows[4_321]).toMatchObject({ row: 4_323, sellerCode: 'S-4321', inventoryCode: '300000004321', quantity: 22 });
    expect(rows[9_999]).toMatchObject({ row: 10_001, sku: '300000009999-10000', description: String(4_901_234_567_894 + 9_999) });
    console.info(`10,000 inbound rows parsed in ${Math.round(elapsed)} ms (${bytes.length} bytes)`);
  }, 30_000); // building the file with exceljs takes longer than reading it

  it('refuses more rows than allowed without reporting them one by one', async () => {
    const lines = Array.from({ length: 30 }, () => ['', '300000154634', '00001', 'in', 1, '0000011520']);
    const result = await parseWorkbook('inbound', await workbookBytes([manualHeaders, ...lines]), { language: 'en', maxRows: 25 });
    expect(result.ok ? [] : located(result.errors)).toEqual(['0::too-many-rows']);
    expect(result.ok ? '' : result.errors[0]?.message).toBe('Too many rows (at most 25 per file). Split the file.');
    const exactly = await parseWorkbook('inbound', await workbookBytes([manualHeaders, ...lines.slice(0, 25)]), { language: 'en', maxRows: 25 });
    expect(exactly.ok).toBe(true);
  });

  it('refuses a file over the default 20,000 rows', async () => {
    // Written as sheet XML directly: building 20,001 rows through exceljs would take most of the test's time.
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const line = (r: number) =>
      `<row r="${r}">${inline(`B${r}`, '300000154634')}${inline(`C${r}`, '00001')}${inline(`D${r}`, 'in')}<c r="E${r}"><v>1</v></c>${inline(`F${r}`, '0000011520')}</row>`;
    const lines = Array.from({ length: 20_001 }, (_, i) => line(i + 2)).join('');
    const bytes = patchWorkbook(await workbookBytes([manualHeaders]), (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('</row></sheetData>', `</row>${lines}</sheetData>`) : text,
    );
    const result = await parseWorkbook('inbound', bytes, { language: 'ja' });
    expect(result.ok ? [] : result.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([
      'too-many-rows: 行が多すぎます（1 ファイル 20000 行まで）。ファイルを分けてください。',
    ]);
  }, 30_000);
});

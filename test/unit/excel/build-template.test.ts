import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplate, parseWorkbook, templateKinds } from '../../../server/excel';
import { hubLanguages } from '../../../shared/hub/hub-roles';

async function openBuilt(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return workbook;
}

const headerRow = (sheet: ExcelJS.Worksheet | undefined): unknown[] => (sheet?.getRow(1).values as unknown[]).slice(1);

describe('buildTemplate', () => {
  it.each(templateKinds.flatMap((kind) => hubLanguages.map((language) => [kind, language] as const)))(
    '%s template in %s reads back as its own example rows',
    async (kind, language) => {
      const result = await parseWorkbook(kind, await buildTemplate(kind, language), { language });
      if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
      expect(result.rows.length).toBeGreaterThan(0);
      expect(result.rows[0]?.row).toBe(2);
    },
  );

  it('writes the manual’s English headers and example rows for inbound, codes as text', async () => {
    const workbook = await openBuilt(await buildTemplate('inbound', 'ja'));
    const data = workbook.worksheets[0];
    expect(headerRow(data)).toEqual(['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description']);
    expect((data?.getRow(2).values as unknown[]).slice(2, 7)).toEqual(['300000154634', '00001', 'in', 2, '0000011520']);
    for (const column of [1, 2, 3, 6, 7]) expect(data?.getColumn(column).numFmt, `column ${column}`).toBe('@');
    expect(data?.getColumn(5).numFmt).not.toBe('@');
    expect(data?.getCell('B1').font?.color?.argb).toBe('FFC00000');
    expect(data?.getCell('A1').font?.color).toBeUndefined();
  });

  it('writes the manual’s options headers with Color and Size as example axes', async () => {
    const workbook = await openBuilt(await buildTemplate('options', 'en'));
    expect(headerRow(workbook.worksheets[0])).toEqual(['Color', 'Size', 'Qty', 'Price', 'Currency', 'SellerCode']);
    expect((workbook.worksheets[0]?.getRow(2).values as unknown[]).slice(1)).toEqual(['ブルー', 'M', 10, 0, 'JPY']);
  });

  it('writes the shipments headers in the chosen language', async () => {
    const chinese = await openBuilt(await buildTemplate('shipments', 'zh-CN'));
    expect(headerRow(chinese.worksheets[0]).slice(0, 5)).toEqual(['参考订购号码', '商品代码', '商品名', '运送方式', '发货国家']);
    const japanese = await openBuilt(await buildTemplate('shipments', 'ja'));
    expect(headerRow(japanese.worksheets[0]).slice(0, 3)).toEqual(['参照注文番号', '商品コード', '商品名']);
    expect(japanese.worksheets[0]?.getCell('D2').value).toBe('一般');
  });

  it.each([
    ['ja', '入力方法', '必須。3 で始まる 12 桁の数字（例: 300000154634）。'],
    ['en', 'Help', 'Required. 12 digits starting with 3 (e.g. 300000154634).'],
    ['zh-CN', '填写说明', '必填。以 3 开头的 12 位数字（例：300000154634）。'],
    ['ko', '작성 방법', '필수. 3으로 시작하는 12자리 숫자(예: 300000154634).'],
  ] as const)('explains each column on a second sheet in %s', async (language, sheetName, inventoryCodeHelp) => {
    const workbook = await openBuilt(await buildTemplate('inbound', language));
    const help = workbook.worksheets[1];
    expect(help?.name).toBe(sheetName);
    const rows: unknown[][] = [];
    help?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((row) => row[0] === 'InventoryCode')?.[2]).toBe(inventoryCodeHelp);
    const dataHeaders = headerRow(workbook.worksheets[0]);
    expect(rows.map((row) => row[0]).filter((first) => dataHeaders.includes(first))).toEqual(dataHeaders);
  });
});

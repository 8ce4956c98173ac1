import { describe, expect, it } from 'vitest';
import { parseWorkbook, type OptionRow } from '../../../server/excel';
import { located, workbookBytes } from './workbook-files';

async function parseOptions(rows: unknown[][], language: 'ja' | 'en' | 'zh-CN' | 'ko' = 'en') {
  return parseWorkbook('options', await workbookBytes(rows), { language });
}

function rowsOf(result: Awaited<ReturnType<typeof parseOptions>>): OptionRow[] {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.rows;
}

const manualHeaders = ['Color', 'Size', 'Qty', 'Price', 'Currency', 'SellerCode'];
const plainOption = (color: string, size: string, price = 0) => [color, size, 10, price, 'JPY', ''];

describe('options import', () => {
  it('names each option by its axis values and keeps the axis names as written', async () => {
    const rows = rowsOf(await parseOptions([manualHeaders, ['ブルー', 'M', 10, 0, 'JPY', ''], ['ホワイト', 'LL', 3, 0, 'JPY', 'WH-LL']]));
    expect(rows).toEqual([
      {
        row: 2,
        axes: [
          { name: 'Color', value: 'ブルー' },
          { name: 'Size', value: 'M' },
        ],
        optionName: 'ブルー / M',
        quantity: 10,
        extraPrice: 0,
        currency: 'JPY',
        sellerCode: null,
      },
      {
        row: 3,
        axes: [
          { name: 'Color', value: 'ホワイト' },
          { name: 'Size', value: 'LL' },
        ],
        optionName: 'ホワイト / LL',
        quantity: 3,
        extraPrice: 0,
        currency: 'JPY',
        sellerCode: 'WH-LL',
      },
    ]);
  });

  it('takes every column before the quantity as an axis, whatever its name or language', async () => {
    const japanese = rowsOf(
      await parseOptions([
        ['カラー', 'サイズ', '素材', '在庫数量', '追加金額', '通貨'],
        ['黒', 'Ｓ', '綿', '５', '０', 'ＪＰＹ'],
      ]),
    );
    expect(japanese[0]).toMatchObject({
      axes: [
        { name: 'カラー', value: '黒' },
        { name: 'サイズ', value: 'S' },
        { name: '素材', value: '綿' },
      ],
      optionName: '黒 / S / 綿',
      quantity: 5,
    });
    const chinese = rowsOf(
      await parseOptions([
        ['颜色', '库存数量', '追加金额', '货币', '卖家代码'],
        ['红', 1, 0, 'JPY', 'R-1'],
      ]),
    );
    expect(chinese[0]).toMatchObject({ axes: [{ name: '颜色', value: '红' }], optionName: '红', sellerCode: 'R-1' });
  });

  it('finds the priced columns by name even when they come before the quantity', async () => {
    const rows = rowsOf(
      await parseOptions([
        ['Color', 'Price', 'Currency', 'Qty'],
        ['Red', 0, 'JPY', 4],
      ]),
    );
    expect(rows[0]).toMatchObject({ axes: [{ name: 'Color', value: 'Red' }], quantity: 4, extraPrice: 0 });
  });

  it('accepts extra prices on fewer than 30% of the options', async () => {
    const sizes = ['XS', 'S', 'M', 'L', 'XL', '2XL', '3XL', '4XL', '5XL', '6XL'];
    const twoOfTen = sizes.map((size, i) => plainOption('Black', size, i < 2 ? 500 : 0));
    expect(rowsOf(await parseOptions([manualHeaders, ...twoOfTen])).filter((row) => row.extraPrice > 0)).toHaveLength(2);
  });

  it('refuses extra prices on 30% of the options or more, saying how many are allowed', async () => {
    const sizes = ['XS', 'S', 'M', 'L', 'XL', '2XL', '3XL', '4XL', '5XL', '6XL'];
    const threeOfTen = sizes.map((size, i) => plainOption('Black', size, i < 3 ? 500 : 0));
    const result = await parseOptions([manualHeaders, ...threeOfTen], 'ja');
    if (result.ok) throw new Error('expected the 30% rule to refuse the file');
    expect(located(result.errors)).toEqual(['0:Price:too-many-priced-options']);
    expect(result.errors[0]?.message).toBe('追加金額のあるオプションは全オプションの 30% 未満にしてください（10 件中 3 件、2 件まで）。');

    const single = await parseOptions([manualHeaders, plainOption('Black', 'M', 100)]);
    expect(single.ok ? [] : located(single.errors)).toEqual(['0:Price:too-many-priced-options']);
  });

  it('reports a repeated option, an empty axis value, a wrong currency and a negative stock, each where it is', async () => {
    const result = await parseOptions([
      manualHeaders,
      plainOption('ブルー', 'M'),
      ['ブルー', 'M', 10, 0, 'JPY', ''],
      ['ブルー', '', 10, 0, 'JPY', ''],
      ['ホワイト', 'S', -1, 0, 'USD', ''],
    ]);
    if (result.ok) throw new Error('expected errors');
    expect(located(result.errors)).toEqual(['3:Color:duplicate-option', '4:Size:required', '5:Qty:out-of-range', '5:Currency:not-allowed-value']);
    expect(result.errors[0]?.message).toBe('The option "ブルー / M" repeats row 2.');
  });

  it('needs one to three axis columns before the quantity', async () => {
    const none = await parseOptions([
      ['Qty', 'Price', 'Currency'],
      [1, 0, 'JPY'],
    ]);
    expect(none.ok ? [] : located(none.errors)).toEqual(['1:Qty:option-axis-count']);
    const four = await parseOptions([
      ['A', 'B', 'C', 'D', 'Qty', 'Price', 'Currency'],
      ['a', 'b', 'c', 'd', 1, 0, 'JPY'],
    ]);
    expect(four.ok ? '' : four.errors[0]?.message).toBe('Put 1 to 3 option columns (such as Color, Size) before "Qty" (found 4).');
  });

  it('refuses markup in an axis name', async () => {
    const result = await parseOptions([
      ['<b>Color</b>', 'Qty', 'Price', 'Currency'],
      ['Red', 1, 0, 'JPY'],
    ]);
    expect(result.ok ? [] : located(result.errors)).toEqual(['1:<b>Color</b>:markup-not-allowed']);
  });
});

import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../server/excel';
import { located, patchWorkbook, workbookBytes, zipOf } from './workbook-files';

const inboundHeaders = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];
const inboundLine = ['', '300000154634', '00001', 'in', 2, '0000011520', ''];

const parseInbound = (bytes: Uint8Array, language: 'ja' | 'en' = 'en', maxBytes?: number) => parseWorkbook('inbound', bytes, { language, maxBytes });

async function fileError(bytes: Uint8Array, language: 'ja' | 'en' = 'en', maxBytes?: number) {
  const result = await parseInbound(bytes, language, maxBytes);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('files that are not a usable workbook', () => {
  it.each([
    ['a PDF', new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n'))],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['random bytes', new Uint8Array(randomBytes(4096))],
    ['a CSV', new Uint8Array(Buffer.from('InventoryCode,MovingQty\n300000154634,2\n'))],
    ['nothing', new Uint8Array()],
  ])('refuses %s as not an xlsx', async (_what, bytes) => {
    const errors = await fileError(bytes, 'ja');
    expect(located(errors)).toEqual(['0::not-xlsx']);
    expect(errors[0]?.message).toContain('.xlsx');
  });

  it('refuses a ZIP that holds no workbook', async () => {
    const zip = zipOf(
      new Map([
        ['readme.txt', 'hello'],
        ['word/document.xml', '<w:document/>'],
      ]),
    );
    expect(located(await fileError(zip))).toEqual(['0::not-a-workbook']);
  });

  it('refuses a truncated or corrupted workbook without throwing', async () => {
    const bytes = await workbookBytes([inboundHeaders, inboundLine]);
    expect(located(await fileError(bytes.slice(0, Math.floor(bytes.length / 2))))).toEqual(['0::unreadable-workbook']);

    const misnested = patchWorkbook(bytes, (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('<sheetData>', '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>') : text,
    );
    expect(located(await fileError(misnested))).toEqual(['0::unreadable-workbook']);

    // Cut in the middle of the sheet: not well-formed XML, whatever rows came before the cut.
    const halfSheet = patchWorkbook(bytes, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.slice(0, text.length / 2) : text));
    expect(located(await fileError(halfSheet))).toEqual(['0::unreadable-workbook']);
  });

  it('refuses a file over the size limit before opening it', async () => {
    const errors = await fileError(new Uint8Array(10 * 1024 * 1024 + 1));
    expect(located(errors)).toEqual(['0::file-too-large']);
    expect(errors[0]?.message).toBe('The file is too large (at most 10 MB).');

    const bytes = await workbookBytes([inboundHeaders, inboundLine]);
    expect(located(await fileError(bytes, 'en', bytes.length - 1))).toEqual(['0::file-too-large']);
    expect((await parseInbound(bytes, 'en', bytes.length)).ok).toBe(true);
  });

  it('refuses a small file that unpacks to far more than it weighs', async () => {
    const honest = await workbookBytes([inboundHeaders, inboundLine]);
    // 3 MB of whitespace inside the sheet deflates to a few kilobytes.
    const bomb = patchWorkbook(honest, (name, text) =>
      name === 'xl/worksheets/sheet1.xml' ? text.replace('<sheetData>', `<sheetData>${' '.repeat(3_000_000)}`) : text,
    );
    expect(bomb.length).toBeLessThan(100_000);
    const errors = await fileError(bomb, 'en', 100_000);
    expect(located(errors)).toEqual(['0::content-too-large']);
    expect(errors[0]?.message).toContain('1.9 MB');
    expect((await parseInbound(bomb)).ok).toBe(true);
  });

  it('says so when the first sheet is empty, or has only its header row', async () => {
    expect(located(await fileError(await workbookBytes([])))).toEqual(['0::empty-sheet']);
    expect(located(await fileError(await workbookBytes([[], ['  ']])))).toEqual(['0::empty-sheet']);
    expect(located(await fileError(await workbookBytes([inboundHeaders])))).toEqual(['2::no-data-rows']);
  });

  it('reports a formula error in a cell instead of reading it as a value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inbound');
    sheet.addRow(inboundHeaders);
    sheet.addRow(['', '300000154634', '00001', 'in', { formula: 'VLOOKUP(A2,Z:Z,2,FALSE)', result: { error: '#N/A' } }, '0000011520', '']);
    sheet.addRow(['', '300000154634', '00002', 'in', { formula: '1+1', result: 2 }, '0000011520', { error: '#REF!' }]);
    // A calculated 0 is a value (here an out-of-range one), not an empty cell.
    sheet.addRow(['', '300000154634', '00003', 'in', { formula: '2-2', result: 0 }, '0000011520', '']);
    const errors = await fileError(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(located(errors)).toEqual(['2:MovingQty:cell-error', '3:Description:cell-error', '4:MovingQty:out-of-range']);
    expect(errors[0]?.message).toContain('=VLOOKUP(A2,Z:Z,2,FALSE)');
    expect(errors[1]?.message).toContain('#REF!');
  });
});

describe('what Excel writes that a naive reader gets wrong', () => {
  it('reads the text of a cell typed with a Japanese IME, not its furigana', async () => {
    const bytes = await workbookBytes([inboundHeaders, ['', '300000154634', '00001', 'in', 2, '0000011520', '東京倉庫']]);
    const withReading = patchWorkbook(bytes, (name, text) =>
      name === 'xl/sharedStrings.xml'
        ? text.replace('<t>東京倉庫</t>', '<t>東京倉庫</t><rPh sb="0" eb="4"><t>トウキョウソウコ</t></rPh><phoneticPr fontId="1"/>')
        : text,
    );
    const result = await parseInbound(withReading);
    expect(result.ok && result.rows[0]?.description).toBe('東京倉庫');
  });

  it('decodes Excel’s _xHHHH_ escapes, so a control character it stored that way is still refused', async () => {
    const bytes = await workbookBytes([inboundHeaders, ['', '300000154634', '00001', 'in', 2, '0000011520', 'BELL']]);
    const escaped = patchWorkbook(bytes, (name, text) => (name === 'xl/sharedStrings.xml' ? text.replace('<t>BELL</t>', '<t>BE_x0007_LL</t>') : text));
    expect(located(await fileError(escaped))).toEqual(['2:Description:control-character']);
  });

  it('reads the first sheet in tab order, wherever its part is in the file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not', 'the', 'data']);
    const data = workbook.addWorksheet('Inbound');
    data.addRow(inboundHeaders);
    data.addRow(inboundLine);
    // Move "Inbound" in front of "Notes" in the tab order; its part stays sheet2.xml.
    const bytes = patchWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), (name, text) =>
      name === 'xl/workbook.xml' ? text.replace(/(<sheet [^>]*name="Notes"[^>]*\/>)(<sheet [^>]*name="Inbound"[^>]*\/>)/, '$2$1') : text,
    );
    const result = await parseInbound(bytes);
    expect(result.ok && result.rows.map((row) => row.sku)).toEqual(['300000154634-00001']);
  });

  it('finds the first sheet when the workbook points at its part with an absolute path', async () => {
    const bytes = patchWorkbook(await workbookBytes([inboundHeaders, inboundLine], 'Inbound'), (name, text) =>
      name === 'xl/_rels/workbook.xml.rels' ? text.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"') : text,
    );
    const result = await parseInbound(bytes);
    expect(result.ok && result.rows).toHaveLength(1);
  });
});

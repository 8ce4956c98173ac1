import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../server/excel';
import { craftZip, dataRow, deflated, headerRow, honestParts, sheetHead, sheetTail, spaceBomb, withSheet, type CraftedEntry } from './crafted-zips';
import { checkZip, inflateEntry, InflateRefused, streamEntry } from '../../../server/excel/zip-directory';
import { located } from './workbook-files';

/**
 * Files built to hurt the hub: each is refused with one clear file-level problem, and reading it leaves the
 * process's memory about where it was (RSS measured around the parse; the bombs claim up to a gigabyte).
 */
const parseInbound = (bytes: Uint8Array, language: 'ja' | 'en' = 'en') => parseWorkbook('inbound', bytes, { language });

async function refusal(bytes: Uint8Array, language: 'ja' | 'en' = 'en') {
  const before = process.memoryUsage().rss;
  const result = await parseInbound(bytes, language);
  const grown = process.memoryUsage().rss - before;
  if (result.ok) throw new Error('expected the file to be refused');
  return { errors: result.errors, grownMb: grown / (1024 * 1024) };
}

const sheetName = 'xl/worksheets/sheet1.xml';
const sheet = (rows: string) => deflated(sheetName, `${sheetHead}${rows}${sheetTail}`);
const columnLetters = (column: number): string =>
  column <= 0 ? '' : columnLetters(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));

describe('hostile .xlsx files', () => {
  it('reads the crafted honest file the other cases start from (so a refusal below is about what they change)', async () => {
    const result = await parseInbound(craftZip(withSheet(await honestParts(), sheet(headerRow + dataRow(2)))));
    expect(result.ok && result.rows.map((row) => row.sku)).toEqual(['300000154634-00001']);
  });

  it('refuses a ZIP bomb that claims an honest small size: inflating stops just past it', async () => {
    // About 1 MB on disk; unpacks to a gigabyte of blanks inside the sheet, while both headers claim 150 MB.
    const bomb = spaceBomb(`${sheetHead}${headerRow}`, 1024, `${dataRow(2)}${sheetTail}`);
    const entry: CraftedEntry = { name: sheetName, data: bomb.data, crc: 0, size: 150 * 1024 * 1024 };
    const bytes = craftZip(withSheet(await honestParts(), entry));
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const { errors, grownMb } = await refusal(bytes, 'ja');
    expect(located(errors)).toEqual(['0::content-too-large']);
    expect(errors[0]?.message).toContain('展開後');
    expect(grownMb).toBeLessThan(150);
  });

  it('refuses a ZIP bomb that declares its real size before inflating anything', async () => {
    const bomb = spaceBomb(`${sheetHead}${headerRow}`, 1024, `${dataRow(2)}${sheetTail}`);
    const bytes = craftZip(withSheet(await honestParts(), { name: sheetName, data: bomb.data, crc: 0, size: bomb.size }));
    const { errors, grownMb } = await refusal(bytes);
    expect(located(errors)).toEqual(['0::content-too-large']);
    expect(errors[0]?.message).toBe('The file holds too much data (at most 200 MB unpacked). Remove sheets or formatting you do not need.');
    expect(grownMb).toBeLessThan(50);
  });

  it('refuses a sheet whose real content is larger than its headers say', async () => {
    const honest = sheet(headerRow + dataRow(2) + dataRow(3));
    const { errors } = await refusal(
      craftZip(withSheet(await honestParts(), { ...honest, size: honest.size - 10, local: { size: honest.size - 10 }, central: { size: honest.size - 10 } })),
    );
    expect(located(errors)).toEqual(['0::inconsistent-zip']);
    expect(errors[0]?.message).toContain('ZIP directory does not match');
  });

  it.each([
    ['an uncompressed size', { size: 50_000_000 }],
    ['a compressed size', { compressedSize: 1 }],
    ['a name', { name: 'xl/worksheets/sheet9.xml' }],
  ])('refuses a local header that gives another %s than the central directory', async (_what, local) => {
    const { errors } = await refusal(craftZip(withSheet(await honestParts(), { ...sheet(headerRow + dataRow(2)), local })), 'ja');
    expect(located(errors)).toEqual(['0::inconsistent-zip']);
    expect(errors[0]?.message).toContain('ZIP の目次と中身が一致しません');
  });

  it('refuses an entry the central directory does not list, wherever it is', async () => {
    const parts = withSheet(await honestParts(), sheet(headerRow + dataRow(2)));
    const hidden: CraftedEntry = { ...sheet(headerRow + dataRow(2) + dataRow(3)), name: 'xl/worksheets/sheet2.xml', central: 'absent' };
    for (const at of [0, 3, parts.length]) {
      const entries = [...parts.slice(0, at), hidden, ...parts.slice(at)];
      expect(located((await refusal(craftZip(entries))).errors), `hidden entry at ${at}`).toEqual(['0::inconsistent-zip']);
    }
  });

  it('refuses a central directory entry whose local header is not where it says', async () => {
    const bytes = craftZip(withSheet(await honestParts(), sheet(headerRow + dataRow(2))));
    // The directory's first record now points 7 bytes into the file, where no local header starts.
    const view = new DataView(bytes.buffer.slice(0));
    const copy = new Uint8Array(view.buffer);
    const end = copy.length - 22;
    const directory = view.getUint32(end + 16, true);
    view.setUint32(directory + 42, 7, true);
    expect(located((await refusal(copy)).errors)).toEqual(['0::inconsistent-zip']);
  });

  it('refuses a million stray cells, listing the first 500 problems and counting the rest', async () => {
    // Columns H … IV (8 to 256, the widest allowed) hold a value without a header, on 4,016 data rows.
    const strays = (row: number) => Array.from({ length: 249 }, (_, index) => `<c r="${columnLetters(index + 8)}${row}"><v>1</v></c>`).join('');
    const rows = Array.from({ length: 4016 }, (_, index) => dataRow(index + 2).replace('</row>', `${strays(index + 2)}</row>`)).join('');
    const bytes = craftZip(withSheet(await honestParts(), sheet(headerRow + rows)));
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const { errors, grownMb } = await refusal(bytes);
    expect(errors).toHaveLength(501);
    expect(new Set(errors.slice(0, 500).map((error) => error.code))).toEqual(new Set(['value-without-header']));
    expect(errors.slice(0, 500).map((error) => error.row)).toEqual([...Array(500).keys()].map((index) => 2 + Math.floor(index / 249)));
    expect(errors[500]).toMatchObject({
      row: 0,
      code: 'more-problems',
      message: `${4016 * 249 - 500} more problem(s) not listed (only the first 500 are shown).`,
    });
    expect(grownMb).toBeLessThan(300);
  });

  it('refuses a cell beyond the last allowed column, and rows beyond the row cap, before reading on', async () => {
    const far = await refusal(craftZip(withSheet(await honestParts(), sheet(`${headerRow}<row r="2"><c r="XFD2"><v>1</v></c></row>`))), 'ja');
    expect(located(far.errors)).toEqual(['0::too-many-columns']);
    expect(far.errors[0]?.message).toBe('列が多すぎます（256 列まで）。テンプレートにない列や離れたセルの値を削除してください。');

    // A million cells without a reference run past the last column just the same.
    const unnumbered = await refusal(craftZip(withSheet(await honestParts(), sheet(`${headerRow}<row r="2">${'<c><v>1</v></c>'.repeat(1_000_000)}</row>`))));
    expect(located(unnumbered.errors)).toEqual(['0::too-many-columns']);

    // 150,000 empty rows: past the 20,000 data rows and the allowance for blank, formatted ones.
    const blank = await refusal(craftZip(withSheet(await honestParts(), sheet(headerRow + '<row/>'.repeat(150_000)))));
    expect(located(blank.errors)).toEqual(['0::too-many-rows']);
  });

  it('stops inflating an entry as soon as it passes its declared size, never trusting it', async () => {
    const bomb = spaceBomb('', 1024, '');
    const bytes = craftZip([{ name: 'big.xml', data: bomb.data, crc: 0, size: 1000 }]);
    const zip = checkZip(bytes);
    if (!zip.ok) throw new Error(zip.problem);
    const entry = zip.entries.get('big.xml')!;
    let inflated = 0;
    await expect(streamEntry(bytes, entry, 200 * 1024 * 1024, (chunk) => ((inflated += chunk.length), 'more'))).rejects.toEqual(
      new InflateRefused('inconsistent-zip'),
    );
    expect(inflated).toBeLessThanOrEqual(1000);
    expect(() => inflateEntry(bytes, entry, 200 * 1024 * 1024)).toThrow(InflateRefused);
    // And at the cap, whatever the size declared.
    const honest = craftZip([{ name: 'big.xml', data: bomb.data, crc: 0, size: bomb.size }]);
    const honestZip = checkZip(honest);
    if (!honestZip.ok) throw new Error(honestZip.problem);
    await expect(streamEntry(honest, { ...honestZip.entries.get('big.xml')!, uncompressedSize: 1024 * 1024 }, 1024 * 1024, () => 'more')).rejects.toEqual(
      new InflateRefused('content-too-large'),
    );
  });

  it('refuses a sheet that is one long run of text between two tags', async () => {
    const run = spaceBomb(`${sheetHead}${headerRow}<row r="2"><c r="B2" t="inlineStr"><is><t>`, 20, `</t></is></c></row>${sheetTail}`);
    const bytes = craftZip(withSheet(await honestParts(), { name: sheetName, data: run.data, crc: 0, size: run.size }));
    const { errors, grownMb } = await refusal(bytes);
    expect(located(errors)).toEqual(['0::content-too-large']);
    expect(grownMb).toBeLessThan(100);
  });
});

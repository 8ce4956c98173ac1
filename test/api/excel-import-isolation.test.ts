import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub-server';
import { hubStoreFactories } from '../support/hub-stores';
import { craftZip, dataRow, deflated, headerRow, honestParts, repeatBomb, sheetHead, sheetTail, spaceBomb, withSheet } from '../unit/excel/crafted-zips';

/**
 * The hub reads an uploaded workbook in a worker thread: it keeps answering while a big file is read, hostile
 * files are refused without the hub's memory following what they claim, and no temporary file stays behind.
 * One store is enough: none of this touches the database until a file is accepted.
 */
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sheetName = 'xl/worksheets/sheet1.xml';
/** Every file under `dir`, but tsx's compile cache (the worker runs from TypeScript in tests; a bundled hub does not). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((name) => !/^tsx-\d+(\/|$)/.test(name))
    .sort();
}

const columnLetters = (column: number): string =>
  column <= 0 ? '' : columnLetters(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));

describe('Excel uploads are read off the hub’s event loop', () => {
  const factory = hubStoreFactories()[0]!;
  let hub: TestHub;
  let seller: string;
  let tempDir: string;
  const previousTempDir = process.env.TMPDIR;

  const upload = (bytes: Uint8Array) =>
    hub.request('POST', '/api/v1/imports/inbound', { token: seller, raw: bytes, language: 'en', headers: { 'content-type': xlsxType } });
  const file = async (rows: string) => craftZip(withSheet(await honestParts(), deflated(sheetName, `${sheetHead}${rows}${sheetTail}`)));

  beforeAll(async () => {
    // Temporary files of the hub and its workers go here, to be counted.
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'qwms-excel-temp-'));
    process.env.TMPDIR = tempDir;
    hub = await startTestHub(factory);
    expect((await hub.request('POST', '/api/v1/sellers', { body: { id: 'shop-x', name: 'shop-x' } })).status).toBe(201);
    seller = await hub.tokenFor('seller', 'shop-x');
    const item = { sellerId: 'shop-x', code: '300000154634', name: 'item', sellerItemCode: null, separateInventory: true };
    expect((await hub.request('POST', '/api/v1/inventory', { body: item })).status).toBe(201);
    expect((await hub.request('POST', '/api/v1/inventory/300000154634/options', { body: { name: 'S' } })).status).toBe(201);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
    if (previousTempDir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTempDir;
    await rm(tempDir, { recursive: true, force: true });
  });

  it('answers another request while a big file is being read in a worker', async () => {
    // A million cells with a value but no header: seconds of reading.
    const strays = (row: number) => Array.from({ length: 249 }, (_, index) => `<c r="${columnLetters(index + 8)}${row}"><v>1</v></c>`).join('');
    const big = await file(headerRow + Array.from({ length: 4016 }, (_, index) => dataRow(index + 2).replace('</row>', `${strays(index + 2)}</row>`)).join(''));

    // The first upload of this file starts the hub's parse worker: its start is the signal that reading began.
    const workerStarted = new Promise<Worker>((resolve) => process.once('worker', resolve));
    let bigDone = false;
    const bigUpload = upload(big).then((response) => {
      bigDone = true;
      return response;
    });
    await workerStarted;

    const other = await hub.request('GET', '/api/v1/sellers');
    expect(other.status).toBe(200);
    // The other request was answered while the big file was still being read.
    expect(bigDone).toBe(false);

    const response = await bigUpload;
    expect(response.status).toBe(422);
    expect(response.body.error.message).toBe(`Nothing was imported: the file has ${4016 * 249} problem(s). Fix them all and import the file again.`);
    expect(response.body.error.details.errors).toHaveLength(501);
  });

  it('refuses a ZIP bomb and a file whose headers lie, with the hub’s memory growth bounded', async () => {
    const bomb = spaceBomb(`${sheetHead}${headerRow}`, 1024, `${dataRow(2)}${sheetTail}`);
    const parts = await honestParts();
    const files = [
      craftZip(withSheet(parts, { name: sheetName, data: bomb.data, crc: 0, size: 150 * 1024 * 1024 })),
      craftZip(withSheet(parts, { name: sheetName, data: bomb.data, crc: 0, size: bomb.size })),
      craftZip(withSheet(parts, { ...deflated(sheetName, `${sheetHead}${headerRow}${dataRow(2)}${sheetTail}`), local: { size: 1_000_000_000 } })),
    ];
    const before = process.memoryUsage().rss;
    const codes: string[] = [];
    for (const bytes of files) {
      const response = await upload(bytes);
      expect(response.status).toBe(422);
      codes.push(...response.body.error.details.errors.map((error: { code: string }) => error.code));
    }
    expect(codes).toEqual(['content-too-large', 'content-too-large', 'inconsistent-zip']);
    // Each claims or unpacks to a gigabyte; the worker's heap limit and the caps keep the hub far below that.
    expect((process.memoryUsage().rss - before) / (1024 * 1024)).toBeLessThan(400);
  });

  it('refuses shared strings that would fill the parse worker’s heap, and the hub reads the next file', async () => {
    // 190 MB of shared strings (under the 200 MB cap for the whole file, sizes and CRC honest) in a 200 KB file.
    // Read whole they would outgrow the worker's heap, and V8 would end the hub's process with it: their own
    // 32 MB cap refuses them first.
    const strings = repeatBomb('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>x</t></si>', 190, '</sst>');
    const parts = withSheet(await honestParts(), deflated(sheetName, `${sheetHead}${headerRow}${dataRow(2)}${sheetTail}`));
    const entries = parts.map((entry) => (entry.name === 'xl/sharedStrings.xml' ? { name: entry.name, ...strings } : entry));
    expect(entries.some((entry) => entry.name === 'xl/sharedStrings.xml')).toBe(true);
    const before = process.memoryUsage().rss;
    const response = await upload(craftZip(entries));
    expect(response.status).toBe(422);
    expect(response.body.error.details.errors.map((error: { code: string }) => error.code)).toEqual(['content-too-large']);
    expect((process.memoryUsage().rss - before) / (1024 * 1024)).toBeLessThan(200);
    const next = await upload(await file(headerRow + dataRow(2)));
    expect(next.status).toBe(200);
  });

  it('lists the first 500 problems found against the database and counts the rest', async () => {
    const unknownItem = (row: number) => dataRow(row).replaceAll('300000154634', '300000999999');
    const response = await upload(await file(headerRow + Array.from({ length: 600 }, (_, index) => unknownItem(index + 2)).join('')));
    expect(response.status).toBe(422);
    expect(response.body.error.message).toBe('Nothing was imported: the file has 600 problem(s). Fix them all and import the file again.');
    const errors = response.body.error.details.errors as { row: number; code: string; message: string }[];
    expect(errors).toHaveLength(501);
    expect(errors[499]?.row).toBe(501);
    expect(errors[500]).toEqual({ row: 0, column: '', code: 'more-problems', message: '100 more problem(s) not listed (only the first 500 are shown).' });
  });

  it('leaves no temporary file after a refused and an accepted file', async () => {
    const before = await filesIn(tempDir);
    const refused = await upload(await file(`${headerRow}<row r="2"><c r="XFD2"><v>1</v></c></row>`));
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors.map((error: { code: string }) => error.code)).toEqual(['too-many-columns']);
    // Sheets before workbook.xml in the ZIP: the order that made exceljs spool them to temporary files.
    const parts = await honestParts();
    const sheetFirst = new Map([...parts].sort(([a], [b]) => Number(b === sheetName) - Number(a === sheetName)));
    const accepted = await upload(craftZip(withSheet(sheetFirst, deflated(sheetName, `${sheetHead}${headerRow}${dataRow(2)}${sheetTail}`))));
    expect(accepted.status).toBe(200);
    expect(accepted.body.summary).toEqual({ kind: 'inbound', lines: 1, units: 2 });
    expect(await filesIn(tempDir)).toEqual(before);
  });
});

// Fuzzing the hub's Excel import (issue 14, item 10) through its public function, importWorkbook, on a real SQLite
// store: mutated .xlsx bytes and random cell values either import every line of the file or are refused with a
// clear reason, and a refusal writes nothing — never part of a file.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainIn } from '../../server/api/messages';
import { importWorkbook, type ImportOutcome } from '../../server/services/excel-imports';
import { ensureReferenceData } from '../../server/services/reference-data';
import { Refusal } from '../../server/services/refusal';
import type { HubStore } from '../../server/storage/database';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { rowCount } from '../support/row-count';

const sellerId = 'fuzz-seller';
const header = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];

async function workbook(rows: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What one import did: its outcome (a thrown Refusal counts as a clear refusal) and how many lines it added. */
async function importAndCount(store: HubStore, bytes: Uint8Array): Promise<{ outcome: ImportOutcome | Refusal; added: number }> {
  const before = await rowCount(store.db, 'inbound_lines');
  let outcome: ImportOutcome | Refusal;
  try {
    outcome = await importWorkbook(store, 'inbound', bytes, { sellerId, language: 'ja', explain: explainIn('ja') });
  } catch (error) {
    // Anything but the hub's own refusal is a crash.
    if (!(error instanceof Refusal)) throw error;
    outcome = error;
  }
  return { outcome, added: (await rowCount(store.db, 'inbound_lines')) - before };
}

/** All or nothing: an import adds exactly the lines it reports; a refusal says why and adds none. */
function expectAllOrNothing({ outcome, added }: { outcome: ImportOutcome | Refusal; added: number }, fileLines?: number): void {
  if (outcome instanceof Refusal) {
    expect(outcome.code).toMatch(/\S/);
    expect(added).toBe(0);
    return;
  }
  if (outcome.ok) {
    expect(outcome.summary.kind).toBe('inbound');
    if (outcome.summary.kind === 'inbound') expect(added).toBe(outcome.summary.lines);
    if (fileLines !== undefined) expect(added).toBe(fileLines);
    return;
  }
  expect(outcome.errors.length).toBeGreaterThan(0);
  for (const problem of outcome.errors) {
    expect(problem.code).toMatch(/\S/);
    expect(problem.message).toMatch(/\S/);
    expect(problem.message).not.toBe(problem.code);
  }
  expect(added).toBe(0);
}

describe('Excel import under random files', () => {
  const factory = hubStoreFactories()[0]!;
  let store: HubStore;
  let skus: string[];
  let valid: Uint8Array;

  beforeAll(async () => {
    store = await factory.open();
    await ensureReferenceData(store.db);
    skus = await seedSellerWithSkus(store.db, { sellerId, inventoryCode: '300000009001', optionCount: 3 });
    valid = await workbook(skus.map((sku, i) => [null, sku.slice(0, 12), sku.slice(13), 'in', i + 1, tokyo, `line ${i}`]));
  });
  afterAll(async () => {
    await store.close();
    await factory.dispose();
  });

  it('imports the unmutated file whole (the baseline the mutations start from)', async () => {
    expectAllOrNothing(await importAndCount(store, valid), skus.length);
  });

  it('mutated .xlsx bytes: a clear refusal or a full import, never a crash or part of the file', async () => {
    const mutation = fc.oneof(
      // Bytes overwritten anywhere (zip headers, central directory, deflated XML).
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => (bytes: Uint8Array) => {
        const out = bytes.slice();
        for (const [at, value] of edits) out[at % out.length] = value;
        return out;
      }),
      // Cut short: a half-uploaded file.
      fc.nat().map((at) => (bytes: Uint8Array) => bytes.slice(0, at % bytes.length)),
      // A slice of random bytes spliced in.
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => (bytes: Uint8Array) => {
        const cut = at % bytes.length;
        return Uint8Array.from([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
      }),
      // Not a zip at all.
      fc.uint8Array({ maxLength: 2000 }).map((junk) => () => junk),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        expectAllOrNothing(await importAndCount(store, mutate(valid)));
      }),
      { numRuns: 60 },
    );
  });

  it('random cell values: every line imported, or the file refused row by row with nothing written', async () => {
    const anyCell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.constantFrom('in', 'out', tokyo, '300000009001', '00001', '=1+1', ' ', '\u0000', '１２'),
    );
    const line = fc.oneof(
      // Mostly well-formed lines with one random cell, so some files pass and some fail late (against the database).
      fc.tuple(fc.nat({ max: 2 }), fc.integer({ min: 1, max: 99 }), fc.nat({ max: 6 }), anyCell).map(([s, qty, column, cell]) => {
        const sku = skus[s]!;
        const row: unknown[] = [null, sku.slice(0, 12), sku.slice(13), 'in', qty, tokyo, 'fuzz'];
        if (column > 0) row[column] = cell;
        return row;
      }),
      fc.array(anyCell, { maxLength: 9 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (rows) => {
        const result = await importAndCount(store, await workbook(rows));
        expectAllOrNothing(result);
        if (!(result.outcome instanceof Refusal) && result.outcome.ok) expect(result.added).toBeLessThanOrEqual(rows.length);
        if (!(result.outcome instanceof Refusal) && !result.outcome.ok) {
          for (const problem of result.outcome.errors) expect(problem.row).toBeLessThanOrEqual(rows.length + 1);
        }
      }),
      { numRuns: 40 },
    );
  });
});

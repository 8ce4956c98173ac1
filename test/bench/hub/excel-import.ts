import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { explainIn } from '../../../server/api/messages';
import { importWorkbook } from '../../../server/services/excel-imports';
import type { HubStore } from '../../../server/storage/database';
import { seedSellerWithSkus, tokyo } from '../../support/hub-fixtures';

/** An inbound template of `rows` lines over 50 SKUs, as a seller would upload it. */
export async function inboundWorkbook(store: HubStore, rows: number): Promise<Uint8Array> {
  const skus = await seedSellerWithSkus(store.db, { sellerId: 'bench-excel', inventoryCode: '300000007001', optionCount: 50 });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description']);
  for (let i = 0; i < rows; i++) {
    const sku = skus[i % skus.length] as string;
    sheet.addRow([null, sku.slice(0, 12), sku.slice(13), 'in', 1 + (i % 20), tokyo, String(4_901_234_500_000 + i)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The hub's whole import: read, check every row against the database, write all lines in one transaction. */
export async function timeImport(store: HubStore, bytes: Uint8Array): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const result = await importWorkbook(store, 'inbound', bytes, { sellerId: 'bench-excel', language: 'ja', explain: explainIn('ja') });
  if (!result.ok) throw new Error(`bench import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const rows = (
    await store.db
      .selectFrom('inbound_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seller_id', '=', 'bench-excel')
      .executeTakeFirstOrThrow()
  ).n;
  return { seconds: (performance.now() - started) / 1000, rows: Number(rows) };
}

/** The baseline: exceljs's own streaming reader walking every cell of the same file, doing nothing with them. */
export async function timeBareStreamingParse(bytes: Uint8Array): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if ((row as ExcelJS.Row).values) rows++;
    }
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReferenceData } from '../../server/services/reference-data';
import { openHubStore } from '../../server/storage/database';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { workbookBytes } from '../unit/excel/workbook-files';

/** The real `qwms` command on a SQLite file, as an operator runs it. */
describe('qwms import, stock and demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-cli-'));
  const database = join(dir, 'hub.sqlite');
  const header = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];
  let skus: string[];

  function qwms(args: string[], env: Record<string, string | undefined> = { QWMS_LANG: 'en' }) {
    const result = spawnSync(process.execPath, ['bin/qwms.mjs', ...args], {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function writeWorkbook(name: string, rows: unknown[][]): Promise<string> {
    const path = join(dir, name);
    writeFileSync(path, await workbookBytes([header, ...rows]));
    return path;
  }

  async function inboundLineCount(): Promise<number> {
    const store = await openHubStore(database);
    try {
      return Number(
        (
          await store.db
            .selectFrom('inbound_lines')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    const store = await openHubStore(database);
    await ensureReferenceData(store.db);
    skus = await seedSellerWithSkus(store.db, { sellerId: 'shop-a', inventoryCode: '300000000001', optionCount: 2, stock: 5 });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a good file and says what it registered, in one line', async () => {
    const file = await writeWorkbook('good.xlsx', [
      [null, '300000000001', '00001', 'in', 3, tokyo, null],
      [null, '300000000001', '00002', 'in', 4, tokyo, '4901234567894'],
    ]);
    const run = qwms(['import', 'inbound', file, '--seller', 'shop-a', '--db', database]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Registered 2 inbound line(s), 7 unit(s) in all.\n');
    expect(await inboundLineCount()).toBe(2);
  });

  it('lists every bad row with its column and applies nothing; Japanese unless told otherwise', async () => {
    const file = await writeWorkbook('bad.xlsx', [
      [null, '300000000001', '00009', 'in', 1, tokyo, null],
      [null, '300000000001', '00001', 'in', 1, tokyo, null],
      [null, '300000000001', '00002', 'in', 1, '0000099999', null],
      ['WRONG', '300000000001', '00001', 'in', 1, tokyo, null],
    ]);
    const before = await inboundLineCount();

    const english = qwms(['import', 'inbound', file, '--seller', 'shop-a', '--db', database, '--lang', 'en']);
    expect(english.status).toBe(1);
    expect(english.stdout).toBe('');
    expect(english.stderr.trim().split('\n')).toEqual([
      'Nothing was imported: the file has 3 problem(s). Fix them all and import the file again.',
      'row 2, column InventoryOptionCode: "InventoryOptionCode": Q-inventory code 300000000001 has no option 00009.',
      'row 4, column BranchCode: "BranchCode": branch code 0000099999 was not found.',
      `row 5, column SellerCode: "SellerCode" says WRONG, but SKU ${skus[0]} has no seller code registered. Leave it empty or register the code first.`,
    ]);

    const japanese = qwms(['import', 'inbound', file, '--seller', 'shop-a', '--db', database], { QWMS_LANG: undefined, LANG: 'C' });
    expect(japanese.status).toBe(1);
    const lines = japanese.stderr.trim().split('\n');
    expect(lines[0]).toBe('ファイルに 3 件の問題があるため、何も取り込んでいません。すべて直してから、もう一度取り込んでください。');
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      'row 2, column InventoryOptionCode',
      'row 4, column BranchCode',
      'row 5, column SellerCode',
    ]);
    expect(lines[2]).toContain('支店コード 0000099999 は見つかりません');

    expect(await inboundLineCount()).toBe(before);
  });

  it('refuses an unknown seller in the chosen language, applying nothing', async () => {
    const file = await writeWorkbook('other.xlsx', [[null, '300000000001', '00001', 'in', 1, tokyo, null]]);
    const before = await inboundLineCount();
    const run = qwms(['import', 'inbound', file, '--seller', 'shop-zz', '--db', database, '--lang', 'ja']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('seller shop-zz は見つかりません。');
    expect(await inboundLineCount()).toBe(before);
  });

  it('shows stock per SKU and branch, as JSON or as a table', () => {
    const json = qwms(['stock', '--seller', 'shop-a', '--json', '--db', database]);
    expect(json.status).toBe(0);
    const stock = JSON.parse(json.stdout);
    expect(stock.map((sku: any) => [sku.sku, sku.totalQuantity, sku.branchQuantities])).toEqual(
      skus.map((sku) => [sku, 5, [{ branchCode: tokyo, quantity: 5, damaged: 0 }]]),
    );

    const one = JSON.parse(qwms(['stock', '--sku', skus[1]!, '--json', '--db', database]).stdout);
    expect(one.map((sku: any) => sku.sku)).toEqual([skus[1]]);

    const table = qwms(['stock', '--db', database]).stdout.trim().split('\n');
    expect(table[0]).toMatch(/^SKU\s+NAME\s+OPTION\s+BRANCH\s+QTY\s+DAMAGED$/);
    expect(table.slice(1).map((line) => line.split(/\s{2,}/))).toEqual(skus.map((sku, i) => [sku, 'テスト T シャツ', `サイズ ${i + 1}`, tokyo, '5', '0']));
  });

  it('loads the demo warehouse into an empty database once, and then leaves it alone', () => {
    const demoDatabase = join(dir, 'demo.sqlite');
    const first = qwms(['demo', '--db', demoDatabase]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('loaded the demo warehouse');
    const second = qwms(['demo', '--db', demoDatabase]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('already has data: the demo warehouse was not loaded');
    expect(JSON.parse(qwms(['stock', '--json', '--db', demoDatabase]).stdout).length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdfBarcodes, pdfText } from '../support/barcode-tools';
import { listenAsPrinter } from '../support/raw-port-listener';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind, waitUntil } from '../support/wait-until';
import { printToPort } from '../support/test-printers';

let station: StationPage;
beforeAll(async () => {
  // This file is about receiving, not burst timing (wedge-scanning.test.ts keeps the defaults): a wider key gap keeps
  // a loaded test machine's keyboard jitter from splitting the long box and SKU codes.
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  await signInWithPin(station.page, 'u-clerk', '1111');
});
afterAll(async () => {
  await station?.close();
});

const db = () => station.running.hub.store.db;
/** Whether any of the element shows in the 1280×800 window without scrolling by hand. */
const inView = (testId: string) =>
  station.page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  });
const feedback = () => feedbackKind(station.page);

describe('receiving floor (web mode, Chromium, demo warehouse)', () => {
  const bundleId = 'IB00000003'; // sakura-shop's shipped bundle
  let lines: { id: string; sku: string; quantity: number }[];
  let balanceBefore: number;
  const stockBefore = new Map<string, number>();

  beforeAll(async () => {
    lines = await db().selectFrom('inbound_lines').select(['id', 'sku', 'quantity']).where('bundle_id', '=', bundleId).orderBy('id').execute();
    balanceBefore = (await db().selectFrom('sellers').select('balance_jpy').where('id', '=', 'sakura-shop').executeTakeFirstOrThrow()).balance_jpy;
    for (const line of lines) {
      const row = await db().selectFrom('stock_balances').select('quantity').where('sku', '=', line.sku).executeTakeFirst();
      stockBefore.set(line.sku, row?.quantity ?? 0);
    }
  });

  it('lists what can arrive in the order expected, and says why a requested or confirmed bundle cannot arrive yet', async () => {
    const { page } = station;
    await page.getByTestId('area-receiving').click();
    await page.getByTestId('dock').waitFor();
    // Demo bundles: requested due today, confirmed due tomorrow, shipped the day after, for each of the two sellers.
    await page.getByTestId('bundle-waiting-IB00000001').filter({ hasText: '倉庫の受付確認待ち' }).waitFor();
    const rows = await page.locator('[data-testid="bundle-list"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(rows).toEqual(['IB00000001', 'IB00000007', 'IB00000002', 'IB00000008', 'IB00000003', 'IB00000009'].map((id) => `bundle-${id}`));
    await expect(page.getByTestId('bundle-waiting-IB00000002').innerText()).resolves.toBe('出品者の発送待ち');
    // No button that could only be refused: the hub moves only a shipped bundle to arrived.
    expect(await page.getByTestId('bundle-action-IB00000001').count()).toBe(0);
    expect(await page.getByTestId('bundle-action-IB00000002').count()).toBe(0);
    await expect(page.getByTestId('bundle-IB00000003').innerText()).resolves.toContain('さくら雑貨店');
    expect(await page.getByTestId(`bundle-action-${bundleId}`).count()).toBe(1);
  });

  it('refuses a bundle in the wrong state at the dock, loudly, and receives a shipped one by its box label', async () => {
    const { page } = station;
    await typeLikeScanner(page, 'sakura-shop IB00000001\n');
    await page.getByTestId('dock-result').filter({ hasText: '倉庫がまだ受付確認していません（申請中）' }).waitFor();
    expect(await feedback()).toBe('bad');
    await typeLikeScanner(page, 'sakura-shop IB00000002\n');
    await page.getByTestId('dock-result').filter({ hasText: '出品者がまだ発送していません（確認済み）' }).waitFor();
    expect(await feedback()).toBe('bad');
    await typeLikeScanner(page, `sakura-shop ${bundleId}\n`);
    await page
      .getByTestId('dock-result')
      .filter({ hasText: `${bundleId}（さくら雑貨店）を入荷しました` })
      .waitFor();
    expect(await feedback()).toBe('done');
    await waitUntil(
      async () => (await db().selectFrom('cargo_bundles').select('state').where('id', '=', bundleId).executeTakeFirstOrThrow()).state === 'arrived',
      'the hub to see the arrival',
    );
  });

  it('inspects by scans and keyed counts, with an undo, an unknown item, a short line and an over line', async () => {
    const { page } = station;
    await page.keyboard.press('Escape');
    await page.getByTestId('area-inspection').click();
    // fuji-apparel's demo bundle is held: its Q-cash does not cover the fees, and the list says so.
    await expect(page.getByTestId('hold-IB00000011').innerText()).resolves.toContain('残高不足');
    await page.getByTestId(`bundle-action-${bundleId}`).click();
    await page.getByTestId('inspection').waitFor();
    const [first, second, ...rest] = lines as [(typeof lines)[number], (typeof lines)[number], ...typeof lines];

    // Three scans of the first SKU, then an unknown item; undo takes back exactly the last scan: the unknown item,
    // then a unit.
    for (let i = 0; i < 3; i++) await typeLikeScanner(page, `]C0${first.sku}\n`);
    await page.getByTestId(`counted-${first.sku}`).filter({ hasText: /^3$/ }).waitFor();
    await typeLikeScanner(page, '8888888888888\n');
    await page.getByTestId('feedback').filter({ hasText: '不明な商品です' }).waitFor();
    await page.getByTestId('inspection-undo').click();
    await page.getByTestId('feedback').filter({ hasText: '取り消しました: 8888888888888 の記録' }).waitFor();
    await expect(page.getByTestId(`counted-${first.sku}`).innerText()).resolves.toBe('3');
    await page.getByTestId('inspection-undo').click();
    await page.getByTestId(`counted-${first.sku}`).filter({ hasText: /^2$/ }).waitFor();
    // The first line ends two short, the second one over, the rest exact. A keyed count over scanned units says it
    // replaces them and waits for the clerk.
    await page.getByTestId(`key-${first.sku}`).fill(String(first.quantity - 2));
    await page.getByTestId(`key-${first.sku}`).press('Enter');
    await page
      .getByTestId('key-confirm')
      .filter({ hasText: `数量を ${first.quantity - 2} に置き換えます（スキャン済み 2）` })
      .waitFor();
    await expect(page.getByTestId(`counted-${first.sku}`).innerText()).resolves.toBe('2');
    await page.getByTestId('key-confirm-yes').click();
    await page
      .getByTestId(`counted-${first.sku}`)
      .filter({ hasText: new RegExp(`^${first.quantity - 2}$`) })
      .waitFor();
    await page
      .getByTestId('feedback')
      .filter({ hasText: `数量を 2 → ${first.quantity - 2} にしました` })
      .waitFor();
    await typeLikeScanner(page, `]C0${second.sku}\n`);
    await page.getByTestId(`counted-${second.sku}`).filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId(`key-${second.sku}`).fill(String(second.quantity + 1));
    await page.getByTestId(`key-${second.sku}`).press('Enter');
    await page.getByTestId('key-confirm-yes').click();
    await page.getByTestId(`status-${second.sku}`).filter({ hasText: '超過' }).waitFor();
    expect(await feedback()).toBe('bad');
    // Finishing with lines nobody counted asks first and names them; the clerk goes back and counts.
    await page.getByTestId('inspection-finish').click();
    await page.getByTestId('uncounted').waitFor();
    expect(await inView('finish-reasons')).toBe(true);
    for (const line of rest) await page.getByTestId(`uncounted-${line.sku}`).waitFor();
    expect(await page.getByTestId(`uncounted-${first.sku}`).count()).toBe(0);
    await page.getByTestId('finish-cancel').click();
    for (const line of rest) {
      await page.getByTestId(`key-${line.sku}`).fill(String(line.quantity));
      await page.getByTestId(`key-${line.sku}`).press('Enter');
      await page.getByTestId(`status-${line.sku}`).filter({ hasText: '一致' }).waitFor();
    }
    // Short and over apart, not a net sum.
    await expect(page.getByTestId('inspection-short').innerText()).resolves.toBe('不足 2');
    await expect(page.getByTestId('inspection-over').innerText()).resolves.toBe('超過 1');
    await typeLikeScanner(page, '9999999999999\n');
    await page.getByTestId('feedback').filter({ hasText: '不明な商品です' }).waitFor();
    const fujiTee = await db().selectFrom('inventory_options').select('sku').where('seller_sku_code', '=', 'FJ-TEE-M').executeTakeFirstOrThrow();
    await typeLikeScanner(page, `]C0${fujiTee.sku}\n`);
    await page.getByTestId('feedback').filter({ hasText: '別の出品者の商品です' }).waitFor();

    await page.getByTestId('inspection-finish').click();
    await page.getByTestId('finish-reasons').waitFor();
    await page.getByTestId(`reason-${first.sku}`).selectOption('damaged');
    await page.getByTestId('finish-confirm').click();
    await page.getByTestId('discrepancy-report').waitFor();
    expect(await inView('discrepancy-report')).toBe(true);
    await expect(page.getByTestId(`report-${first.sku}`).innerText()).resolves.toContain('不足');
    await expect(page.getByTestId(`report-${second.sku}`).innerText()).resolves.toContain('超過');
    const findings = await page.getByTestId('report-finding').allInnerTexts();
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatch(/^不明な商品 × 1 — コード: 9999999999999$/);
    expect(findings[0]).not.toContain('8888888888888');
    expect(findings[1]).toContain('他の出品者の商品 × 1 — 商品: コットン T シャツ T-2 / サイズ : M');
    expect(findings[1]).toContain('出品者: フジ アパレル');
    await expect(page.getByTestId('report-people').innerText()).resolves.toMatch(/出品者: さくら雑貨店.*検品者: 田中 花子/);
  });

  it('leaves the hub with the counted stock, the fees charged and the bundle completed', async () => {
    await waitUntil(
      async () => (await db().selectFrom('cargo_bundles').select('state').where('id', '=', bundleId).executeTakeFirstOrThrow()).state === 'completed',
      'the hub to complete the bundle',
    );
    const counted = new Map(lines.map((line, index) => [line.sku, index === 0 ? line.quantity - 2 : index === 1 ? line.quantity + 1 : line.quantity]));
    for (const line of lines) {
      const row = await db().selectFrom('stock_balances').select('quantity').where('sku', '=', line.sku).executeTakeFirstOrThrow();
      expect(row.quantity - (stockBefore.get(line.sku) ?? 0), line.sku).toBe(counted.get(line.sku));
    }
    const units = [...counted.values()].reduce((sum, n) => sum + n, 0);
    const balance = (await db().selectFrom('sellers').select('balance_jpy').where('id', '=', 'sakura-shop').executeTakeFirstOrThrow()).balance_jpy;
    // Demo SKUs are all the small size class: 30 JPY in-housing and 20 JPY labelling per unit (the default schedule).
    expect(balanceBefore - balance).toBe(units * (30 + 20));
    const dbLines = await db().selectFrom('inbound_lines').select(['id', 'sku', 'counted']).where('bundle_id', '=', bundleId).execute();
    for (const line of dbLines) expect(line.counted, line.sku).toBe(counted.get(line.sku));
    // The clerk's reasons are kept with the bundle: damaged for the first line, the plain fact for the second.
    const reasons = await db()
      .selectFrom('inspection_findings')
      .select(['line_id', 'code'])
      .where('bundle_id', '=', bundleId)
      .where('kind', '=', 'line-reason')
      .execute();
    expect(new Map(reasons.map((reason) => [reason.line_id, reason.code]))).toEqual(
      new Map([
        [lines[0]!.id, 'damaged'],
        [lines[1]!.id, 'over'],
      ]),
    );
    // The undone unknown item reached the hub as a find and its take-back: nothing of it is left.
    const undone = await db()
      .selectFrom('inspection_findings')
      .select('quantity')
      .where('bundle_id', '=', bundleId)
      .where('code', '=', '8888888888888')
      .execute();
    expect(undone.map((row) => row.quantity)).toEqual([1, -1]);
  });

  it('prints SKU labels for the counted units to the label printer, every barcode readable, and saves the report as a PDF', async () => {
    const { page } = station;
    const printer = await listenAsPrinter();
    printToPort(station.running.station.store, printer.port, ['sku-labels']);
    await page.getByTestId('print-labels').click();
    await page.locator('[data-testid="print-job"][data-state="done"]').waitFor();
    const pdf = await printer.job(0);
    await page.getByTestId('reprint').click();
    const again = await printer.job(1);
    await printer.close();
    expect(again.equals(pdf)).toBe(true);
    const counted = new Map(lines.map((line, index) => [line.sku, index === 0 ? line.quantity - 2 : index === 1 ? line.quantity + 1 : line.quantity]));
    // One label per counted unit, each with a Code 128 that zbarimg reads back as its SKU.
    const decoded = decodePdfBarcodes(pdf, { dpi: 203 }).flat();
    const perSku = new Map<string, number>();
    for (const code of decoded) perSku.set(code, (perSku.get(code) ?? 0) + 1);
    expect(perSku).toEqual(counted);

    await page.getByTestId('report-pdf').click();
    const saved = await page.getByTestId('report-saved').innerText();
    const path = saved.slice(saved.indexOf(': ') + 2).trim();
    const text = pdfText(path);
    expect(text).toContain('差異レポート');
    expect(text).toContain('今治タオル');
    expect(text).toContain('不足');
    expect(text).toContain('超過');
    expect(text).toContain('9999999999999');
    expect(text).not.toContain('8888888888888');
    expect(text).toContain('検品者: 田中 花子');
    expect(text).toContain('出品者: さくら雑貨店');
    expect(text).toContain('フジ アパレル');
  });

  it('in blind mode too, finishing with lines never counted asks first and names them, without giving the expected counts away', async () => {
    const { page } = station;
    const blindBundle = 'IB00000004'; // sakura-shop's arrived demo bundle
    const blindLines = await db().selectFrom('inbound_lines').select(['sku']).where('bundle_id', '=', blindBundle).orderBy('id').execute();
    station.running.station.store.setSetting('inspection.blind', '1');
    try {
      // Still on the finished bundle of the tests above: choose another.
      await page.getByRole('button', { name: '別の入庫を選ぶ' }).click();
      await page.getByTestId(`bundle-action-${blindBundle}`).click();
      await page.getByTestId('inspection').waitFor();
      const [counted, ...never] = blindLines as [(typeof blindLines)[number], ...typeof blindLines];
      await typeLikeScanner(page, `]C0${counted.sku}\n`);
      await page.getByTestId(`counted-${counted.sku}`).filter({ hasText: /^1$/ }).waitFor();
      expect(await page.getByTestId('inspection-short').count()).toBe(0);
      await page.getByTestId('inspection-finish').click();
      await page.getByTestId('uncounted').waitFor();
      for (const line of never) await page.getByTestId(`uncounted-${line.sku}`).waitFor();
      expect(await page.getByTestId(`uncounted-${counted.sku}`).count()).toBe(0);
      expect(await page.locator('[data-testid^="reason-"]').count()).toBe(0);
      await page.getByTestId('finish-cancel').click();
      await page.getByTestId('uncounted').waitFor({ state: 'detached' });
      expect(await page.getByTestId('discrepancy-report').count()).toBe(0);
    } finally {
      station.running.station.store.setSetting('inspection.blind', '0');
    }
  });
});

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyCountsAnswer } from '../../shared/contract/daily-counts';
import type { CallResult } from '../../shared/contract/wire';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { pdfText } from '../support/barcode-tools';
import { artefactPath } from '../support/chromium';
import { inView } from '../support/layout-checks';
import { listenAsPrinter, type RawPortListener } from '../support/raw-port-listener';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { printToPort } from '../support/test-printers';
import { waitUntil } from '../support/wait-until';

/**
 * 日次集計 in Chromium on the demo warehouse: a clerk receives and inspects a bundle and a packer picks, packs and
 * ships an order (through the station contract, as their screens call it, each from its own window), then the
 * supervisor opens the day: the figures have moved by exactly what was done, the people show their work, a bundle past
 * its 3-day limit is listed with its deadline, a figure opens its rows, the charts draw with no CSP violation, the day
 * exports as .xlsx (read back) and prints as an A4 report (read with pdftotext), and with the hub away the screen keeps
 * the figures, marked stale.
 */
let station: StationPage;
let printer: RawPortListener;
let printed = 0;
const cspViolations: string[] = [];

beforeAll(async () => {
  station = await openStationPage();
  station.page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|apply|load)/i.test(message.text())) cspViolations.push(message.text());
  });
  printer = await listenAsPrinter();
  printToPort(station.running.station.store, printer.port);
});
afterAll(async () => {
  await printer?.close();
  await station?.close();
});

const db = () => station.running.hub.store.db;

async function call<T = any>(client: string, method: string, input: unknown): Promise<T> {
  const result: CallResult = await station.running.station.dispatch(method, input, client);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message ?? result.error.detail}`);
  return result.output as T;
}

/** The clerk's window: the dock takes a shipped bundle of sakura-shop, and inspection counts every line in full. */
async function receiveOne(): Promise<{ bundleId: string; units: number }> {
  await call('clerk', 'session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' });
  const expected: { id: string; sellerId: string; state: string }[] = await call('clerk', 'receiving.expected', {});
  const bundle = expected.find((entry) => entry.sellerId === 'sakura-shop' && entry.state === 'shipped');
  if (!bundle) throw new Error('the demo has no shipped bundle of sakura-shop');
  await call('clerk', 'receiving.arrive', { code: `${bundle.sellerId} ${bundle.id}` });
  const view: { lines: { lineId: string; expected: number }[] } = await call('clerk', 'inspection.open', { bundleId: bundle.id });
  for (const line of view.lines) await call('clerk', 'inspection.key', { bundleId: bundle.id, lineId: line.lineId, count: line.expected });
  const finished: { finished: boolean } = await call('clerk', 'inspection.finish', { bundleId: bundle.id, reasons: [] });
  expect(finished.finished).toBe(true);
  return { bundleId: bundle.id, units: view.lines.reduce((sum, line) => sum + line.expected, 0) };
}

/** The packer's window: one allocated order alone in its parcel, every unit scanned, labelled as Yamato, sent out. */
async function shipOne(): Promise<{ orderId: string; units: number }> {
  await call('packer', 'session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' });
  const tried = new Set<string>();
  for (const candidate of station.running.station.store.cached('order').filter((order) => order.state === 'allocated' && order.sku)) {
    if (tried.has(candidate.id)) continue;
    const view = await call('packer', 'packing.open', { code: candidate.orderNo });
    const parcel: { orderId: string; lines: { sku: string; expected: number }[] }[] = view.orders;
    for (const member of parcel) tried.add(member.orderId);
    if (view.refusal || parcel.length !== 1) continue;
    const [order] = parcel as [(typeof parcel)[number]];
    for (const line of order.lines)
      for (let unit = 0; unit < line.expected; unit++) await call('packer', 'packing.scan', { orderId: order.orderId, code: line.sku });
    const labelled = await call('packer', 'packing.label', { orderId: order.orderId, service: 'yamato', timeSlot: null });
    if (labelled.verdict !== 'complete') continue;
    await printer.job(printed++);
    expect(await call('packer', 'packing.ship', { orderId: order.orderId, code: labelled.order.trackingNumber })).toMatchObject({ verdict: 'complete' });
    return { orderId: order.orderId, units: order.lines.reduce((sum, line) => sum + line.expected, 0) };
  }
  throw new Error('no demo order could be shipped alone');
}

const figure = async (name: string) => Number(await station.page.getByTestId(`daily-figure-${name}`).getAttribute('data-value'));

describe('日次集計 as a supervisor after a clerk and a packer worked (web mode, Chromium, demo warehouse)', () => {
  let before: DailyCountsAnswer;
  let received: { bundleId: string; units: number };
  let shipped: { orderId: string; units: number };
  const today = tokyoDate(new Date());
  const late = { sellerId: 'fuji-apparel', bundleId: '' };

  it('shows the day moved by exactly what the clerk and the packer did, with a late bundle and who did what', async () => {
    await call('office', 'session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' });
    // Supervisors and admins only: a packer's window is refused by the station before the hub is asked.
    await call('packer-window', 'session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' });
    await expect(call('packer-window', 'dailyCounts.day', {})).rejects.toThrow(/^dailyCounts.day: forbidden/);
    // A bundle that arrived five days ago and was never inspected: the demo's arrivals are all today.
    const waiting = await db()
      .selectFrom('cargo_bundles')
      .select('id')
      .where('seller_id', '=', late.sellerId)
      .where('state', '=', 'arrived')
      .executeTakeFirstOrThrow();
    late.bundleId = waiting.id;
    const fiveDaysAgo = new Date(Date.now() - 5 * 24 * 3600_000).toISOString();
    await db().updateTable('cargo_bundles').set({ arrived_at: fiveDaysAgo }).where('id', '=', late.bundleId).execute();
    before = await call('office', 'dailyCounts.day', {});

    received = await receiveOne();
    shipped = await shipOne();
    await waitUntil(() => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    await waitUntil(
      async () =>
        (await db().selectFrom('cargo_bundles').select('state').where('id', '=', received.bundleId).executeTakeFirstOrThrow()).state === 'completed' &&
        (await db().selectFrom('orders').select('state').where('id', '=', shipped.orderId).executeTakeFirstOrThrow()).state === 'in_transit',
      'the hub to complete the bundle and ship the order',
    );

    const { page } = station;
    // The page's own report of anything its CSP refused (the console may word it differently per Chromium version).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await signInWithPin(page, 'u-supervisor', '3333');
    await page.getByTestId('area-daily-counts').click();
    await page.getByTestId('daily-counts').waitFor();
    await page.getByTestId('daily-as-of').waitFor();
    expect(await page.getByTestId('daily-date').getAttribute('data-date')).toBe(today);

    const { inbound, outbound } = before.counts;
    expect(await figure('bundlesArrived')).toBe(inbound.bundlesArrived + 1);
    expect(await figure('bundlesCompleted')).toBe(inbound.bundlesCompleted + 1);
    expect(await figure('unitsCounted')).toBe(inbound.unitsCounted + received.units);
    expect(await figure('ordersPacked')).toBe(outbound.ordersPacked + 1);
    const shippedBefore = outbound.shippedByService.reduce((sum, group) => sum + group.orders, 0);
    expect(await figure('ordersShipped')).toBe(shippedBefore + 1);
    const yamatoBefore = outbound.shippedByService.find((group) => group.service === 'yamato')?.orders ?? 0;
    expect(await page.getByTestId('daily-shipped-yamato').getAttribute('data-orders')).toBe(String(yamatoBefore + 1));
    expect(await page.getByTestId('daily-shipped-yamato').innerText()).toContain('ヤマト宅急便');

    // The people: the clerk counted the bundle's units, the packer picked the order's units and packed one parcel.
    const clerk = page.getByTestId('daily-person-u-clerk');
    expect(await clerk.getAttribute('data-units')).toBe(String(received.units));
    const packer = page.getByTestId('daily-person-u-packer');
    expect(await packer.getAttribute('data-packed')).toBe('1');
    expect(await packer.getAttribute('data-picked')).toBe(String(shipped.units));

    // The bundle past its limit, with its deadline; the fee hold of the seller short of Q-cash, with its reason.
    const lateRow = page.getByTestId(`daily-late-${late.bundleId}`);
    expect(await lateRow.innerText()).toContain('期限');
    expect(await figure('lateBundles')).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('daily-counts').innerText()).toContain('Q-cash 残高不足');
    // This station reported to the hub: it is on the floor list with its last contact.
    expect(await page.getByTestId('daily-stations').innerText()).toContain('test station');
  });

  it('opens the rows behind a number', async () => {
    const { page } = station;
    await page.getByTestId('daily-figure-bundlesCompleted').click();
    await page.getByTestId(`daily-drill-row-${received.bundleId}`).waitFor();
    expect(await page.getByTestId('daily-drill').getAttribute('data-figure')).toBe('bundlesCompleted');
    expect(await page.getByTestId(`daily-drill-row-${received.bundleId}`).innerText()).toContain('sakura-shop');
    await page.getByTestId('daily-figure-lateBundles').click();
    await page.getByTestId(`daily-drill-row-${late.bundleId}`).waitFor();
    // The list opens under the figures: brought into view, not left below the fold.
    await expect.poll(() => inView(page, 'daily-drill')).toBe(true);
    await page.getByTestId('daily-drill-close').click();
    await page.getByTestId('daily-drill').waitFor({ state: 'detached' });
  });

  it('draws the charts with no CSP violation and saves a screenshot', async () => {
    const { page } = station;
    await page.getByTestId('daily-chart-by-hour').locator('svg.recharts-surface').first().waitFor();
    await page.getByTestId('daily-chart-last-days').locator('svg.recharts-surface').first().waitFor();
    expect(await page.getByTestId('daily-chart-by-hour').locator('.recharts-bar-rectangle path, path.recharts-rectangle').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('daily-chart-last-days').locator('.recharts-line-curve').count()).toBe(3);
    // Nothing wider than the window at the floor PCs' 1280 × 800.
    expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth <= document.querySelector('main')!.clientWidth)).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(station.pageErrors).toEqual([]);
    // The screen scrolls inside the window: a window as tall as the screen shows all of it in one picture.
    const height = await page.evaluate(() => document.documentElement.scrollHeight + (document.querySelector('main')?.scrollHeight ?? 0));
    await page.setViewportSize({ width: 1280, height: Math.min(height, 6000) });
    await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await page.screenshot({ path: artefactPath('daily-counts-ja.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports the day as .xlsx (read back) and prints the A4 report in Japanese to the document printer', async () => {
    const { page } = station;
    await page.getByTestId('daily-export').click();
    const exported = (await page.getByTestId('daily-exported').innerText()).replace(/^[^:：]*[:：]\s*/, '');
    expect(exported).toMatch(/daily-counts-\d{4}-\d\d-\d\d-\d{10}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(exported) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['入荷', '出荷', '現場', '時間帯別', '直近14日']);
    const inboundRows = workbook
      .getWorksheet('入荷')!
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(inboundRows).toContainEqual(['検品完了した入庫', await figure('bundlesCompleted')]);
    expect(inboundRows.some((row) => row[0] === late.bundleId)).toBe(true);

    await page.getByTestId('daily-print').click();
    await page.getByTestId('daily-print-job').and(page.locator('[data-state="done"]')).waitFor();
    const pdf = await printer.job(printed++);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const saved = (await page.getByTestId('daily-saved').innerText()).replace(/^[^:：]*[:：]\s*/, '');
    expect(readFileSync(saved).equals(pdf)).toBe(true);
    const text = pdfText(readFileSync(saved)).replace(/\s+/g, '');
    expect(text).toContain('日次集計レポート');
    expect(text).toContain('検品完了した入庫');
    expect(text).toContain(late.bundleId);
    expect(text).toContain('直近14日');
  });

  it('says it all in English, Chinese and Korean too, with no word missing', async () => {
    const { page } = station;
    await page.getByTestId('daily-figure-waiting').click();
    await page.getByTestId('daily-drill').waitFor();
    for (const language of ['en', 'zh-CN', 'ko', 'ja']) {
      await page.getByTestId(`language-${language}`).click();
      await page.waitForFunction((code) => document.documentElement.lang === code, language);
      if (language === 'en') expect(await page.locator('#daily-counts-title').innerText()).toBe('Daily counts');
    }
    expect(await page.evaluate(() => document.documentElement.dataset.missingTranslations)).toBeUndefined();
    await page.getByTestId('daily-drill-close').click();
  });

  it('keeps the figures with the hub away, marked stale with the time they are from', async () => {
    const { page } = station;
    const completed = await figure('bundlesCompleted');
    await station.running.hub.close();
    await page.getByTestId('daily-refresh').click();
    const stale = page.getByTestId('daily-stale');
    await stale.waitFor();
    expect(await stale.innerText()).toContain('ハブにつながらないため');
    expect(await figure('bundlesCompleted')).toBe(completed);
    await page.getByTestId('daily-figure-bundlesCompleted').click();
    await page.getByTestId('daily-drill-stale').waitFor();
    await page.getByTestId(`daily-drill-row-${received.bundleId}`).waitFor();
    expect(station.pageErrors).toEqual([]);
  });
});

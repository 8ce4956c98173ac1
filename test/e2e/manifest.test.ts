import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/contract/wire';
import type { FeedView } from '../../shared/hub/feed';
import { pdfText, rasterisePdf } from '../support/barcode-tools';
import { artefactPath } from '../support/chromium';
import { listenAsPrinter, type RawPortListener } from '../support/raw-port-listener';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { waitUntil } from '../support/wait-until';
import { printToPort } from '../support/test-printers';

/**
 * End of day in Chromium on the demo warehouse: parcels of different services sent out at the bench (through the
 * station contract, as the pack screen calls it), then the manifest screen — counts per carrier, a parcel shipped with
 * the hub away shown at once — and one carrier's manifest printed and read back from the printer's port.
 */
let station: StationPage;
let printer: RawPortListener;
let printed = 0;
const bench = 'manifest-e2e-bench';

beforeAll(async () => {
  station = await openStationPage();
  printer = await listenAsPrinter();
  // Labels and the manifest both go to the one test port, as set on the settings screen.
  printToPort(station.running.station.store, printer.port);
  await call('session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' });
  await signInWithPin(station.page, 'u-packer', '2222');
});
afterAll(async () => {
  await printer?.close();
  await station?.close();
});

const db = () => station.running.hub.store.db;

async function call<T = any>(method: string, input: unknown): Promise<T> {
  const result: CallResult = await station.running.station.dispatch(method, input, bench);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.output as T;
}

interface Shipped {
  orderId: string;
  orderNo: string;
  trackingNumber: string;
  recipient: string;
}

type CachedOrder = FeedView<'order'>;

/**
 * Opens an allocated order at the bench (from the station's cache, so it works with the hub away), scans every unit
 * of its parcel, labels it with the service and sends it out. Orders alone in their cart come first: a cart is one
 * parcel of several orders.
 */
async function shipOne(service: 'nekopos' | 'yamato' | 'sagawa', timeSlot: string | null, skip: Set<string>): Promise<Shipped> {
  const cached = station.running.station.store.cached('order');
  const cartSize = (order: CachedOrder) =>
    order.cartNo ? cached.filter((other) => other.sellerId === order.sellerId && other.cartNo === order.cartNo).length : 1;
  const candidates = cached
    .filter((order) => order.state === 'allocated' && order.sku)
    .sort((a, b) => cartSize(a) - cartSize(b) || a.orderNo.localeCompare(b.orderNo));
  for (const candidate of candidates.filter((order) => !skip.has(order.id))) {
    const view = await call('packing.open', { code: candidate.orderNo });
    const parcel: { orderId: string; orderNo: string; lines: { sku: string; expected: number }[] }[] = view.orders;
    for (const member of parcel) skip.add(member.orderId);
    if (view.refusal || parcel.length === 0 || parcel.some((member) => !member.lines.every((line) => line.sku))) continue;
    for (const member of parcel)
      for (const line of member.lines) for (let i = 0; i < line.expected; i++) await call('packing.scan', { orderId: member.orderId, code: line.sku });
    const first = parcel[0]!;
    const labelled = await call('packing.label', { orderId: first.orderId, service, timeSlot });
    if (labelled.verdict !== 'complete') continue;
    await printer.job(printed++);
    const trackingNumber = labelled.order.trackingNumber as string;
    expect(await call('packing.ship', { orderId: first.orderId, code: trackingNumber })).toMatchObject({ verdict: 'complete' });
    const order = cached.find((entry) => entry.id === first.orderId)!;
    return { orderId: order.id, orderNo: order.orderNo, trackingNumber, recipient: order.recipient.name };
  }
  throw new Error(`no demo order could be shipped as ${service}`);
}

describe('end-of-day manifest (web mode, Chromium, demo warehouse)', () => {
  const used = new Set<string>();
  let sagawa: Shipped;
  let yamato: Shipped;

  it('shows the parcels handed over today per carrier and service, with their counts', async () => {
    sagawa = await shipOne('sagawa', '14-16', used);
    yamato = await shipOne('yamato', null, used);
    await waitUntil(
      async () =>
        (await db().selectFrom('orders').select('state').where('id', 'in', [sagawa.orderId, yamato.orderId]).execute()).every(
          (row) => row.state === 'in_transit',
        ),
      'the hub to ship both',
    );
    // The label's slot is on the order at the hub now, not only in the floor event.
    expect(await db().selectFrom('orders').select(['service', 'label_time_slot']).where('id', '=', sagawa.orderId).executeTakeFirstOrThrow()).toEqual({
      service: 'sagawa',
      label_time_slot: '14-16',
    });

    const { page } = station;
    await page.getByTestId('area-manifest').click();
    await page.getByTestId('manifest').waitFor();
    await page.getByTestId('manifest-sagawa').and(page.locator('[data-parcels="1"]')).waitFor();
    await page.getByTestId('manifest-yamato').and(page.locator('[data-parcels="1"]')).waitFor();
    expect(await page.getByTestId('manifest-nekopos').getAttribute('data-parcels')).toBe('0');
    expect(await page.getByTestId('manifest-count-sagawa').innerText()).toContain('1 個口');
    expect(await page.getByTestId('manifest-sagawa').locator('h2').innerText()).toBe('佐川急便 — 佐川急便');
    expect(await page.getByTestId('manifest-yamato').locator('h2').innerText()).toBe('ヤマト運輸 — ヤマト宅急便');
    const sagawaRow = page.getByTestId(`manifest-parcel-${sagawa.trackingNumber}`);
    expect(await sagawaRow.innerText()).toContain('14時〜16時');
    expect(await sagawaRow.innerText()).toContain(`${sagawa.recipient} 様`);
    expect(await page.getByTestId('manifest-total').getAttribute('data-parcels')).toBe('2');
  });

  it('shows a parcel sent out with the hub away at once, marked as not yet at the hub', async () => {
    await station.running.hub.close();
    const nekopos = await shipOne('nekopos', null, used);
    const { page } = station;
    const row = page.getByTestId(`manifest-parcel-${nekopos.trackingNumber}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('ハブ未反映');
    expect(await page.getByTestId('manifest-nekopos').getAttribute('data-parcels')).toBe('1');
    expect(await page.getByTestId('manifest-total').getAttribute('data-parcels')).toBe('3');
    await page.screenshot({ path: '/tmp/manifest.png', fullPage: true });
    copyFileSync('/tmp/manifest.png', artefactPath('manifest-ja.png'));

    await station.running.restartHub();
    await waitUntil(() => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    // Once the hub's feed says in transit, the mark goes.
    await row.locator('.badge').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it("prints one carrier's manifest: the printer gets the PDF with every tracking number and the recipients' names", async () => {
    const { page } = station;
    await page.getByTestId('manifest-print-sagawa').click();
    await page.getByTestId('manifest-job-sagawa').and(page.locator('[data-state="done"]')).waitFor();
    const pdf = await printer.job(printed++);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const saved = (await page.getByTestId('manifest-saved-sagawa').innerText()).replace(/^[^:：]*[:：]\s*/, '');
    expect(readFileSync(saved).equals(pdf)).toBe(true);

    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('出荷明細書—佐川急便');
    expect(text).toContain('運送会社:佐川急便');
    expect(text.replaceAll('-', '')).toContain(sagawa.trackingNumber);
    expect(text).toContain(`${sagawa.recipient.replace(/\s+/g, '')}様`);
    expect(text).toContain('14時〜16時');
    expect(text.replaceAll('-', '')).not.toContain(yamato.trackingNumber);
    expect(text).toContain('合計:1個口');

    const { dir, pages } = rasterisePdf(pdf, { dpi: 100 });
    try {
      copyFileSync(pages[0]!, '/tmp/manifest-pdf.png');
      copyFileSync(pages[0]!, artefactPath('manifest-pdf-page1.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(station.pageErrors).toEqual([]);
  });
});

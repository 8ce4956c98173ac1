/**
 * npm run bench:pack — the pack bench with a big cart, and pack confirmations from station to hub.
 *
 * 1. Scan to screen: in Debian's Chromium against web mode (keyboard-wedge scans at 5 ms per key), a packer packs one
 *    cart of 200 order rows (200 SKUs, 1–2 units each; by default every second line is scanned) and, as the baseline
 *    measured in the same run, carts of 2 rows.
 *    For each unit scan: the last key (Enter) to the frame after the line's packed count shows the new number. Also
 *    the cart no. scanned to the bench shown (the first line's count on screen). p50/p99 and the ratio 200 / 2 rows.
 * 2. Pack confirmations per second from a station under plain Node to a hub process, against the same events posted
 *    straight to the hub (see pack/pack-figures.ts).
 *
 * BENCH_PACK_LINES (200), BENCH_PACK_EVERY (2: every second line of the big cart is scanned; 1 for all),
 * BENCH_PACK_SMALL_CARTS (30), BENCH_PACK_ORDERS (100 per station run; at most 200).
 */
import type { Page } from 'playwright-core';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin } from '../support/station-page';
import { confirmationThroughput, seedCarts, waitForStationOrders, type BenchOrder, type CartPlan, type ConfirmationFigures } from './pack/pack-figures';

const bigLines = Number(process.env.BENCH_PACK_LINES ?? 200);
/** Which lines of the big cart are scanned: every line (1), or every n-th, to keep the run short. */
const bigEvery = Number(process.env.BENCH_PACK_EVERY ?? 2);
const smallCarts = Number(process.env.BENCH_PACK_SMALL_CARTS ?? 30);
const ordersPerRun = Math.min(200, Number(process.env.BENCH_PACK_ORDERS ?? 100));

// Every fifth line is two units.
const quantityOf = (line: number) => (line % 5 === 0 ? 2 : 1);

interface Expectation {
  testId: string;
  text: string;
  enter: number | null;
  seen: boolean;
  shown: number | null;
}

/** In the page: the Enter of the scan awaited, and the frame after the awaited cell first shows the awaited text. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: { expect: Expectation | null } = { expect: null };
    (window as unknown as { __packProbe: typeof probe }).__packProbe = probe;
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.code === 'Enter' && probe.expect && probe.expect.enter === null) probe.expect.enter = event.timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      const want = probe.expect;
      if (!want || want.enter === null || want.seen) return;
      if (document.querySelector(`[data-testid="${want.testId}"]`)?.textContent?.trim() !== want.text) return;
      want.seen = true;
      requestAnimationFrame(() => {
        want.shown = performance.now();
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Scans `code` like a wedge scanner and returns the ms from its Enter to `testId` showing `text` on screen. */
async function timedScan(page: Page, code: string, testId: string, text: string): Promise<number> {
  await page.evaluate(
    ({ testId: id, text: awaited }) => {
      (window as unknown as { __packProbe: { expect: Expectation } }).__packProbe.expect = { testId: id, text: awaited, enter: null, seen: false, shown: null };
    },
    { testId, text },
  );
  await typeLikeScanner(page, `${code}\n`);
  try {
    const handle = await page.waitForFunction(
      () => {
        const want = (window as unknown as { __packProbe: { expect: Expectation } }).__packProbe.expect;
        return want.shown !== null && want.enter !== null ? { ms: want.shown - want.enter } : null;
      },
      undefined,
      { timeout: 20_000, polling: 'raf' },
    );
    return ((await handle.jsonValue()) as { ms: number }).ms;
  } catch (error) {
    const said = await page
      .getByTestId('pack-result')
      .innerText()
      .catch(() => '(no result shown)');
    throw new Error(`scan ${code}: ${testId} never showed ${text}; the screen says: ${said}`, { cause: error });
  }
}

interface CartFigures {
  scans: number[];
  opens: number[];
}

/** Opens the cart by its cart no., scans every unit of every line, closes it. */
async function packCart(page: Page, cart: readonly BenchOrder[], into: CartFigures | null, every = 1): Promise<void> {
  const lines = [...cart].sort((a, b) => a.orderNo.localeCompare(b.orderNo));
  const opened = await timedScan(page, lines[0]!.cartNo, `packed-${lines[0]!.orderNo}`, '0');
  into?.opens.push(opened);
  for (const line of lines.filter((_, index) => index % every === 0)) {
    for (let unit = 1; unit <= line.quantity; unit++) {
      const ms = await timedScan(page, line.sku, `packed-${line.orderNo}`, String(unit));
      into?.scans.push(ms);
    }
  }
  await page.getByTestId('pack-close').click();
  await page.getByTestId('pack').waitFor();
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

// ---- 1. scan to screen ----------------------------------------------------------------------------------------

const station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
let small: CartFigures;
let big: CartFigures;
try {
  const { page, running } = station;
  // Carts: the big one, then one small cart to warm up with and the measured small ones; SKUs 0…bigLines-1.
  const plans: CartPlan[] = [
    { cartNo: '930000000', lines: Array.from({ length: bigLines }, (_, i) => ({ sku: i, quantity: quantityOf(i) })) },
    ...Array.from({ length: smallCarts + 1 }, (_, i) => ({
      cartNo: String(930_000_001 + i),
      lines: [0, 1].map((j) => ({ sku: (2 * i + j) % bigLines, quantity: quantityOf(i + j) })),
    })),
  ];
  const seedStarted = performance.now();
  const [bigCart, warmup, ...smallOnes] = await seedCarts(running.hub.store, {
    sellerId: 'bench-pack',
    listingId: 'BENCHPACK1',
    skuCount: bigLines,
    firstOrderNo: 940_000_000,
    carts: plans,
  });
  await waitForStationOrders(running.station, [...bigCart!, ...warmup!, ...smallOnes.flat()]);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  await signInWithPin(page, 'u-packer', '2222');
  await page.getByTestId('area-packing').click();
  await page.getByTestId('pack').waitFor();
  await instrument(page);
  await packCart(page, warmup!, null);
  small = { scans: [], opens: [] };
  for (const cart of smallOnes) await packCart(page, cart, small);
  big = { scans: [], opens: [] };
  await packCart(page, bigCart!, big, bigEvery);
  // The station's share of opening a cart: packing.open called from here, without the window.
  await running.station.dispatch('session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' }, 'bench-node');
  const openInStation = async (cart: readonly BenchOrder[]) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const result = await running.station.dispatch('packing.open', { code: cart[0]!.cartNo }, 'bench-node');
      times.push(performance.now() - started);
      if (!result.ok) throw new Error(`packing.open failed: ${JSON.stringify(result.error)}`);
    }
    return percentile(times, 50);
  };
  const stationOpen = { small: await openInStation(smallOnes.at(-1)!), big: await openInStation(bigCart!) };
  if (station.pageErrors.length > 0) console.log(`page errors: ${station.pageErrors.join(' | ')}`);

  const row = (name: string, figures: CartFigures) =>
    `${name.padEnd(34)} scans ${String(figures.scans.length).padStart(4)}  p50 ${ms(percentile(figures.scans, 50))}  p99 ${ms(percentile(figures.scans, 99))}  max ${ms(Math.max(...figures.scans))}   open p50 ${ms(percentile(figures.opens, 50))}`;
  console.log(
    `bench:pack — last key of a unit scan to the line's packed count on screen, 5 ms per key, Chromium headless (seeded in ${seedSeconds.toFixed(1)} s)`,
  );
  console.log(row(`baseline: ${smallOnes.length} carts of 2 lines`, small));
  console.log(row(`one cart of ${bigLines} lines${bigEvery > 1 ? ` (every ${bigEvery === 2 ? 'second' : `${bigEvery}th`} line)` : ''}`, big));
  console.log(
    `ratio p50 ${(percentile(big.scans, 50) / percentile(small.scans, 50)).toFixed(2)}x  p99 ${(percentile(big.scans, 99) / percentile(small.scans, 99)).toFixed(2)}x  open ${(percentile(big.opens, 50) / percentile(small.opens, 50)).toFixed(1)}x (${bigLines} lines / 2 lines)`,
  );
  console.log(
    `the station's share of open (packing.open called directly, median of 5): 2 lines ${stationOpen.small.toFixed(1)} ms, ${bigLines} lines ${stationOpen.big.toFixed(1)} ms`,
  );
  const thirds = [0, 1, 2].map((part) => big.scans.slice(Math.floor((part * big.scans.length) / 3), Math.floor(((part + 1) * big.scans.length) / 3)));
  console.log(`${bigLines}-line cart by thirds of its scans: p50 ${thirds.map((third) => percentile(third, 50).toFixed(1)).join(' → ')} ms`);
} finally {
  await station.close();
}

// ---- 2. pack confirmations, station outbox to hub ------------------------------------------------------------

const throughput = await confirmationThroughput(ordersPerRun);
const line = (name: string, figures: ConfirmationFigures, detail = '') =>
  `${name.padEnd(70)} ${String(figures.orders).padStart(4)} orders ${figures.seconds.toFixed(2).padStart(6)} s ${figures.ordersPerSecond.toFixed(1).padStart(7)} orders/s ${figures.eventsPerSecond.toFixed(0).padStart(5)} events/s${detail}`;
console.log('\npack confirmations — order.picked, order.packed, order.shipped per order, to a hub process (`qwms hub`, SQLite)');
console.log(line('baseline: the same events POSTed straight to the hub, 200 a request', throughput.baseline));
console.log(
  line(
    'station, hub up: open, scan, label (ZPL, raw port), ship → hub applied',
    throughput.live,
    `  (steps took ${throughput.live.recordSeconds!.toFixed(2)} s, hub done ${throughput.live.trailMs!.toFixed(0)} ms after the last)`,
  ),
);
console.log(line('station outbox drained after a hub outage: first applied → last', throughput.drain));
const steps = (figures: ConfirmationFigures) =>
  Object.entries(figures.stepMs ?? {})
    .map(([method, each]) => `${method.replace('packing.', '')} ${each.toFixed(1)}`)
    .join(', ');
console.log(`station time per order in the contract (ms): hub up: ${steps(throughput.live)}; hub away: ${steps(throughput.drain)}`);
console.log(
  `ratio station/baseline: hub up ${(throughput.live.ordersPerSecond / throughput.baseline.ordersPerSecond).toFixed(2)}x, outbox drain ${(throughput.drain.ordersPerSecond / throughput.baseline.ordersPerSecond).toFixed(2)}x`,
);

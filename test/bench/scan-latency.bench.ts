/**
 * npm run bench:scan — keyboard-wedge scans at 5 ms per key through Debian's Chromium against web mode.
 * Prints the lost count and p50/p99 from the last key of a burst (its Enter) to the scan being shown (the frame after
 * its row is in the DOM), and the same figures for a baseline measured in the same run: a bare page whose key
 * listener writes the burst into the DOM itself, with no detector, no station round trip and no React.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { signInWithPin } from '../support/station-page';
import { startWebStation } from '../support/web-station';

const scans = Number(process.env.BENCH_SCANS ?? 300);
const codes = Array.from({ length: scans }, (_, i) => `49${String(i).padStart(10, '0')}`);

/** Records each Enter's timeStamp, and when each new row under `rowsSelector` reaches the screen. */
async function instrument(page: Page, rowsSelector: string): Promise<void> {
  await page.evaluate((selector) => {
    const probe = { enters: [] as number[], shown: new Map<string, number>() };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    window.addEventListener('keydown', (event) => event.code === 'Enter' && probe.enters.push(event.timeStamp), true);
    new MutationObserver((mutations) => {
      // The app's rows hold the code in their own cell; the baseline's items are the code.
      const added = mutations
        .flatMap((mutation) => [...mutation.addedNodes])
        .map((node) => ((node instanceof Element && node.querySelector('[data-testid="scan-text"]')) || node).textContent?.trim() ?? '');
      requestAnimationFrame(() => {
        const now = performance.now();
        for (const code of added) if (!probe.shown.has(code)) probe.shown.set(code, now);
      });
    }).observe(document.querySelector(selector) ?? document.body, { childList: true, subtree: true });
  }, rowsSelector);
}

async function measure(page: Page): Promise<{ lost: number; latencies: number[] }> {
  await page.keyboard.type(codes.map((code) => `${code}\n`).join(''), { delay: 5 });
  await page.waitForTimeout(1500);
  const { enters, shown } = await page.evaluate(() => {
    const probe = (window as unknown as { __probe: { enters: number[]; shown: Map<string, number> } }).__probe;
    return { enters: probe.enters, shown: [...probe.shown.entries()] };
  });
  const shownAt = new Map(shown);
  const latencies = codes.flatMap((code, i) => {
    const at = shownAt.get(code);
    const enter = enters[i];
    return at === undefined || enter === undefined ? [] : [at - enter];
  });
  const missing = codes.filter((code) => !shownAt.has(code));
  if (missing.length > 0) console.log(`not seen on screen: ${missing.slice(0, 10).join(' ')}${missing.length > 10 ? ' …' : ''}`);
  return { lost: missing.length, latencies };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const running = await startWebStation();
const browser = await launchChromium();
try {
  const baselinePage = await browser.context.newPage();
  await baselinePage.goto('about:blank');
  await baselinePage.evaluate(() => {
    let buffer = '';
    const list = document.body.appendChild(document.createElement('ol'));
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        list.appendChild(document.createElement('li')).textContent = buffer;
        buffer = '';
      } else if (event.key.length === 1) buffer += event.key;
    });
  });
  await instrument(baselinePage, 'ol');
  const baseline = await measure(baselinePage);

  const page = await browser.context.newPage();
  await page.goto(running.url);
  await page.getByTestId('user-u-clerk').waitFor();
  await signInWithPin(page, 'u-clerk', '1111');
  await page.getByTestId('area-scan-check').click();
  await typeWarmup(page);
  await instrument(page, '.scan-check');
  const app = await measure(page);
  const shownTotal = Number(await page.getByTestId('count-total').innerText()) - 1;
  if (shownTotal !== scans) console.log(`the screen counted ${shownTotal} scans of ${scans}`);

  const row = (name: string, result: { lost: number; latencies: number[] }) =>
    `${name.padEnd(28)} scans ${String(scans).padStart(5)}  lost ${String(result.lost).padStart(3)}  p50 ${percentile(result.latencies, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(result.latencies, 99).toFixed(1).padStart(6)} ms`;
  console.log('bench:scan — last key of a burst to the scan on screen, 5 ms per key, Chromium headless');
  console.log(row('baseline (bare key listener)', baseline));
  console.log(row('QWMS Floor web mode', app));
  console.log(
    `ratio p50 ${(percentile(app.latencies, 50) / percentile(baseline.latencies, 50)).toFixed(2)}x  p99 ${(percentile(app.latencies, 99) / percentile(baseline.latencies, 99)).toFixed(2)}x (QWMS / baseline)`,
  );
  if (app.lost > 0) process.exitCode = 1;
} finally {
  await browser.close();
  await running.stop();
}

/** One scan first, so the first measured scan does not pay for the audio context and first render. */
async function typeWarmup(page: Page): Promise<void> {
  await page.keyboard.type('WARMUP01\n', { delay: 5 });
  await page.getByTestId('count-total').filter({ hasText: '1' }).waitFor();
}

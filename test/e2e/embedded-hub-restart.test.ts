import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startEmbeddedStationProcess, type EmbeddedStationProcess } from '../support/embedded-station-process';

describe('the status bar when the embedded hub dies (web mode, Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-restart-e2e-'));
  let station: EmbeddedStationProcess | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('says the built-in hub stopped and is restarting, then that it was restarted: not "check the network"', async () => {
    station = await startEmbeddedStationProcess(dir);
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(station.url);
    await page.getByTestId('status-hub').filter({ hasText: 'ハブ: オンライン' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('status-embedded-hub').count()).toBe(0);

    process.kill(station.hubPids()[0]!, 'SIGKILL');
    await expect(page.getByTestId('status-embedded-hub').filter({ hasText: '再起動' }).first().innerText({ timeout: 30_000 })).resolves.toBe(
      '内蔵ハブが停止しました。再起動しています（1 回目）',
    );
    await page.getByTestId('status-embedded-hub').filter({ hasText: '内蔵ハブを再起動しました（1 回）' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('status-hub').filter({ hasText: 'ハブ: オンライン' }).waitFor({ timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

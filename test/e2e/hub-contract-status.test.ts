import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStation, type Station } from '../../electron/station/station';
import { startWebHost, type WebHost } from '../../electron/station/web-host/web-host';
import { launchChromium } from '../support/chromium';
import { rendererDir } from '../support/web-station';

/**
 * The status bar when the hub answers in a shape this station cannot read (here the changes feed of a newer hub whose
 * page has no `next`): it names the route and the hub's version in the window's language, instead of "online".
 */
describe('the status bar with a hub of another version (web mode, Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-contract-e2e-'));
  let hub: Server | null = null;
  let station: Station | null = null;
  let host: WebHost | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await station?.close();
    if (hub) await new Promise<void>((resolve) => hub!.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('says the hub does not match, with the route and the hub version', async () => {
    hub = createServer((request, response) => {
      const headers = { 'content-type': 'application/json', 'qwms-hub-version': '9.0.0' };
      if (request.url?.startsWith('/api/v1/changes')) response.writeHead(200, headers).end(JSON.stringify({ entries: [], cursor: 0 }));
      else if (request.url === '/api/v1/users') response.writeHead(200, headers).end('[]');
      else response.writeHead(404, headers).end(JSON.stringify({ error: { code: 'not-found', message: 'なし' } }));
    });
    await new Promise<void>((resolve) => hub!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
    station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url, stationId: 'st-e2e', secret: 'e2e-secret-123' },
      branchCode: '0000011520',
      hid: false,
      log: () => {},
      hubPollMs: 200,
    });
    host = await startWebHost({ station, rendererDir });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(host.url);
    const status = page.getByTestId('status-hub').filter({ hasText: '版が合いません' });
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toContain('ハブ: このステーションと版が合いません（sync.changes、ハブ 9.0.0）。未送信の作業は保持しています。');
    expect(await status.getAttribute('class')).toBe('warn');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

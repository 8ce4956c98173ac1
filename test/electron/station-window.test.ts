import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateElectronBinary } from '../../scripts/electron-binary.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electron = locateElectronBinary();
const skipReason = 'missingReason' in electron ? `Electron window tests skipped: Electron is not installed (${electron.missingReason}).` : null;
if (skipReason) console.warn(`[skipped] ${skipReason}`);

/** The app runs from dist/: main and preload are rebuilt here (fast); the renderer only when it was never built. */
function buildApp(): void {
  if (!existsSync(path.join(projectRoot, 'dist', 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
  }
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-electron.mjs')], { cwd: projectRoot, stdio: 'inherit' });
}

describe.skipIf(skipReason !== null)('the Electron station window', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (!('path' in electron)) return;
    buildApp();
    // Its own data folder: no state from a developer's station, and no clash with its single-instance lock.
    userDataDir = mkdtempSync(path.join(tmpdir(), 'qwms-electron-test-'));
    app = await _electron.launch({
      executablePath: electron.path,
      args: [projectRoot, `--user-data-dir=${userDataDir}`],
      cwd: projectRoot,
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads our page from app://station and shows the sign-in screen', async () => {
    expect(page.url()).toMatch(/^app:\/\/station\//);
    await page.locator('[data-testid=sign-in]').or(page.getByText('サインイン')).first().waitFor({ state: 'visible' });
  });

  it('gives the page the station bridge and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        bridgeMethods: Object.keys((scope.qwmsStation ?? {}) as object).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(globals).toEqual({ bridgeMethods: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  it('answers a call through the bridge', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as { qwmsStation: { invoke(method: string, input: unknown): Promise<{ ok: boolean }> } }).qwmsStation.invoke('station.status', {}),
    );
    expect(result.ok).toBe(true);
  });

  it('serves every response with the content security policy', async () => {
    const policy = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(policy).toContain("script-src 'self'");
  });

  it('stays on its page when the page tries to navigate away', async () => {
    // The main process hears the attempt after its own guard (registered when the window was made) has answered it.
    const attempt = app!.evaluate(
      ({ webContents }) =>
        new Promise<{ url: string; prevented: boolean }>((resolve) => {
          const station = webContents.getAllWebContents().find((contents) => contents.getURL().startsWith('app://station/'))!;
          station.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
        }),
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await attempt).toEqual({ url: 'https://example.com/', prevented: true });
    expect(page.url()).toMatch(/^app:\/\/station\//);
  });
});

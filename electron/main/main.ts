import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { EmbeddedHub } from '../station/embedded-hub/hub-child-process';
import { stationIdentity } from '../station/embedded-hub/station-identity';
import { startStation, type Station } from '../station/station';
import { startHubUtilityProcess } from './embedded-hub-process';
import { osSecretProtector } from './os-secret-protector';
import { appEntryUrl } from './app-origin';
import { registerStationIpc } from './ipc/validated-ipc';
import { registerAppScheme, serveRendererFrom } from './protocol/app-protocol';
import { hardenEveryWebContents, lockDownSession } from './security/web-contents-hardening';
import { createStationWindow } from './window/station-window';

/**
 * A station that cannot close in time is left behind rather than keeping a quitting app open forever; it confirms a
 * scan only once the scan is written, so quitting mid-close loses nothing it confirmed.
 */
const stationCloseTimeoutMs = 10_000;

const log = (message: string) => console.error(`[main] ${message}`);

// Chromium reads the sandbox switch and scheme privileges at startup, so both are set before 'ready'; the hardening
// listener must exist before the first webContents does.
app.enableSandbox();
registerAppScheme();
hardenEveryWebContents();

let stationWindow: BrowserWindow | null = null;

function focusStationWindow(): void {
  if (!stationWindow || stationWindow.isDestroyed()) return;
  if (stationWindow.isMinimized()) stationWindow.restore();
  stationWindow.focus();
}

function closeStationOnQuit(station: Station, hub: EmbeddedHub | null): void {
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`the station did not close within ${stationCloseTimeoutMs} ms; quitting anyway`);
        resolve();
      }, stationCloseTimeoutMs);
    });
    Promise.race([station.close().then(() => hub?.stop()), timeout])
      .catch((error: unknown) => log(`closing the station failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        closed = true;
        app.quit();
      });
  });
}

async function startApp(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  lockDownSession(session.defaultSession);
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} has no index.html). Run npm run build first.`);
  }
  serveRendererFrom(rendererDir);

  const dataDir = app.getPath('userData');
  // The station secret sealed by the OS where it can (safeStorage), else in a 0600 file: os-secret-protector.ts.
  const identity = stationIdentity(dataDir, process.env, osSecretProtector(log));
  // Without QWMS_HUB_URL this PC is the whole warehouse: its own hub on SQLite in the user-data folder.
  const embeddedHub = process.env.QWMS_HUB_URL ? null : await startHubUtilityProcess(appRoot, dataDir, identity, log);
  const hub = { url: process.env.QWMS_HUB_URL ?? embeddedHub!.url, stationId: identity.stationId, secret: identity.secret };
  const station = await startStation({ dataDir, hub, branchCode: identity.branchCode, embeddedHub, log: (message) => console.error(`[station] ${message}`) });
  closeStationOnQuit(station, embeddedHub);

  stationWindow = createStationWindow(path.join(appRoot, 'dist', 'electron', 'preload.cjs'));
  // Registered before the page loads, so its first call never finds the channel missing.
  registerStationIpc(station, stationWindow, log);
  stationWindow.on('closed', () => {
    stationWindow = null;
  });
  await stationWindow.loadURL(appEntryUrl);
}

if (!app.requestSingleInstanceLock()) {
  // One station per PC and data folder: a second copy would fight over the scanners and the outbox.
  app.quit();
} else {
  app.on('second-instance', focusStationWindow);
  // A floor station has nothing to do without its window, on macOS too.
  app.on('window-all-closed', () => app.quit());
  // Ctrl+C in the terminal (npm start) should close the station cleanly, not kill it mid-write.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  startApp().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log(`startup failed: ${error instanceof Error ? error.stack : message}`);
    dialog.showErrorBox('QWMS Floor could not start', message);
    app.exit(1);
  });
}

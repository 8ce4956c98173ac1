import { app, type Session, type WebContents } from 'electron';

/**
 * The station window shows one page and never leaves it: no navigation, no new windows, no <webview>. Applied to
 * every webContents Electron creates, so a window added later is covered without anyone remembering to.
 */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  // will-navigate covers the top frame; subframes navigate through will-frame-navigate.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

/**
 * The page needs no browser permission (scanners and printers are reached through the station, not WebHID or
 * Web Serial), so every request and check is refused, and no remote request leaves the renderer at all.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
}

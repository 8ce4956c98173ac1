import { app, BrowserWindow } from 'electron';

/** The one station window. Its page gets no Node, runs sandboxed and isolated, and talks only through preload. */
export function createStationWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'QWMS Floor',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: '#0b2545',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Developer tools in development only: on the floor they would be a way around every check above.
      devTools: !app.isPackaged,
    },
  });
  // Shown once painted, so the floor never sees a white flash before the dark UI.
  window.once('ready-to-show', () => window.show());
  return window;
}

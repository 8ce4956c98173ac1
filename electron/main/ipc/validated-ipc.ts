// The only file that may import ipcMain: every message from a renderer enters here and is checked here.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../../shared/contract/wire';
import type { Station } from '../../station/station';
import { createInvokeHandler } from './invoke-handler';
import { isTrustedSender, type SenderFacts } from './trusted-sender';

function senderFactsOf(event: IpcMainInvokeEvent, window: BrowserWindow): SenderFacts {
  const frame = event.senderFrame;
  const fromWindow = !window.isDestroyed() && event.sender === window.webContents;
  const isTopFrame = fromWindow && frame !== null && frame.parent === null && frame.frameTreeNodeId === window.webContents.mainFrame.frameTreeNodeId;
  return { isTopFrame, url: frame?.url ?? null };
}

/**
 * Connects one station window to the station: calls in over `ipcChannels.invoke`, events out over
 * `ipcChannels.event`. Undone when the window's contents are destroyed, or earlier by the returned function.
 */
export function registerStationIpc(station: Station, window: BrowserWindow, log: (message: string) => void = console.error): () => void {
  const contents = window.webContents;
  const clientId = `window-${contents.id}`;
  const handleInvoke = createInvokeHandler(station, clientId, log);

  ipcMain.handle(ipcChannels.invoke, (event, rawEnvelope: unknown) => handleInvoke(senderFactsOf(event, window), rawEnvelope));

  const stopEvents = station.onEvent((stationEvent) => {
    if (contents.isDestroyed()) return;
    // Events can carry scanned data; a page that is not ours (should navigation ever slip through) gets none.
    if (!isTrustedSender({ isTopFrame: true, url: contents.mainFrame.url })) return;
    contents.send(ipcChannels.event, stationEvent);
  });

  // A crashed renderer cannot sign out by itself; its session must not outlive it.
  const dropClient = () => station.disconnectClient(clientId);
  contents.on('render-process-gone', dropClient);

  let registered = true;
  const unregister = () => {
    if (!registered) return;
    registered = false;
    ipcMain.removeHandler(ipcChannels.invoke);
    stopEvents();
    if (!contents.isDestroyed()) contents.off('render-process-gone', dropClient);
    dropClient();
  };
  contents.once('destroyed', unregister);
  return unregister;
}

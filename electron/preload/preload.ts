// Runs sandboxed: it can require only 'electron' and a few built-ins, so the build bundles it into one file.
import { contextBridge, ipcRenderer } from 'electron';
import { createStationBridge } from './station-bridge';

contextBridge.exposeInMainWorld('qwmsStation', createStationBridge(ipcRenderer));

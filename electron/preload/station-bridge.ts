import type { AnyStationEvent } from '../../shared/contract/station-contract';
import type { CallResult, StationBridge } from '../../shared/contract/wire';
import { ipcChannels } from './preload-channels';

type EventForwarder = (ipcEvent: unknown, payload: unknown) => void;

/** The part of ipcRenderer the bridge uses; a fake stands in for it in tests. */
export interface BridgeIpc {
  invoke(channel: string, envelope: { method: string; input: unknown }): Promise<unknown>;
  on(channel: string, listener: EventForwarder): unknown;
  removeListener(channel: string, listener: EventForwarder): unknown;
}

/**
 * The whole surface the page gets. It wraps ipcRenderer instead of exposing it: the page can send only the invoke
 * envelope on our channel, and its listeners receive the event payload, never Electron's IPC event object (whose
 * `sender` is ipcRenderer itself).
 */
export function createStationBridge(ipc: BridgeIpc): StationBridge {
  return {
    invoke: (method, input) => ipc.invoke(ipcChannels.invoke, { method, input }) as Promise<CallResult>,
    onEvent: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('qwmsStation.onEvent needs a function');
      const forward: EventForwarder = (_ipcEvent, payload) => listener(payload as AnyStationEvent);
      ipc.on(ipcChannels.event, forward);
      return () => {
        ipc.removeListener(ipcChannels.event, forward);
      };
    },
  };
}

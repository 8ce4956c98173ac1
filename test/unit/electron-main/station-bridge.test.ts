import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createStationBridge, type BridgeIpc } from '../../../electron/preload/station-bridge';
import type { AnyStationEvent } from '../../../shared/contract/station-contract';
import { ipcChannels } from '../../../shared/contract/wire';

/** Stands in for ipcRenderer: an emitter whose listeners get (ipcEvent, payload) like the real one. */
function fakeIpc() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (_channel: string, _envelope: unknown): Promise<unknown> => ({ ok: true, output: 'pong' }));
  const ipc: BridgeIpc = {
    invoke,
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  const ipcEvent = { sender: 'the ipcRenderer itself', ports: [] };
  const push = (event: AnyStationEvent) => emitter.emit(ipcChannels.event, ipcEvent, event);
  return { ipc, invoke, push, emitter };
}

const outboxEvent: AnyStationEvent = { name: 'outbox.depth', payload: { depth: 3 } };

describe('createStationBridge', () => {
  it('exposes exactly invoke and onEvent', () => {
    expect(Object.keys(createStationBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('sends one envelope on the invoke channel and returns the answer', async () => {
    const { ipc, invoke } = fakeIpc();
    await expect(createStationBridge(ipc).invoke('station.status', { x: 1 })).resolves.toEqual({ ok: true, output: 'pong' });
    expect(invoke).toHaveBeenCalledWith(ipcChannels.invoke, { method: 'station.status', input: { x: 1 } });
  });

  it('hands listeners the station event only, never the IPC event object', () => {
    const { ipc, push } = fakeIpc();
    const listener = vi.fn();
    createStationBridge(ipc).onEvent(listener);
    push(outboxEvent);
    expect(listener).toHaveBeenCalledWith(outboxEvent);
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('unsubscribes exactly the listener it was given for', () => {
    const { ipc, push, emitter } = fakeIpc();
    const bridge = createStationBridge(ipc);
    const kept = vi.fn();
    const dropped = vi.fn();
    bridge.onEvent(kept);
    const unsubscribe = bridge.onEvent(dropped);
    unsubscribe();
    unsubscribe();
    push(outboxEvent);
    expect(kept).toHaveBeenCalledOnce();
    expect(dropped).not.toHaveBeenCalled();
    expect(emitter.listenerCount(ipcChannels.event)).toBe(1);
  });

  it('keeps two subscriptions of the same function apart', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createStationBridge(ipc);
    const listener = vi.fn();
    const first = bridge.onEvent(listener);
    bridge.onEvent(listener);
    first();
    push(outboxEvent);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createStationBridge(fakeIpc().ipc);
    expect(() => bridge.onEvent('alert(1)' as never)).toThrow(TypeError);
  });
});

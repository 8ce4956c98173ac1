import { stationEvents, type AnyStationEvent } from '../../shared/contract/station-contract';
import { serverMessageSchema, type CallResult, type StationBridge } from '../../shared/contract/wire';

const stationSocketPath = '/station';

/**
 * Web mode's stand-in for Electron's preload bridge: the same calls over one WebSocket to the station host. Calls
 * made while the socket is down wait for it (the host may be restarting) instead of failing at once.
 */
export function createWebSocketBridge(url = `${location.origin.replace(/^http/, 'ws')}${stationSocketPath}`): StationBridge {
  const pending = new Map<number, (result: CallResult) => void>();
  const listeners = new Set<(event: AnyStationEvent) => void>();
  /** Calls not yet written to a socket, in call order. */
  const unsent: { id: number; message: string }[] = [];
  const sent = new Set<number>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const { id, message } of unsent.splice(0)) {
        ws.send(message);
        sent.add(id);
      }
    };
    ws.onmessage = (message) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(String(message.data)));
      if (!parsed.success) return;
      const data = parsed.data;
      if (data.type === 'result') {
        pending.get(data.id)?.(data.ok ? { ok: true, output: data.output } : { ok: false, error: data.error });
        pending.delete(data.id);
        sent.delete(data.id);
      } else if (data.type === 'event' && Object.hasOwn(stationEvents, data.name)) {
        const event = { name: data.name, payload: data.payload } as AnyStationEvent;
        for (const listener of listeners) listener(event);
      } else if (data.type === 'protocol-error') {
        console.error('station refused a message', data.error);
      }
    };
    ws.onclose = () => {
      socket = null;
      // Calls written to the dropped socket have no answer coming: fail them so the screen can say so. Calls not
      // yet written keep waiting for the next socket.
      for (const id of sent) {
        pending.get(id)?.({ ok: false, error: { code: 'disconnected', detail: 'the station connection closed' } });
        pending.delete(id);
      }
      sent.clear();
      // A restarted host makes a new socket token (a cookie it sets on its page): ask for the page's headers again
      // before reconnecting, so the window need not be reloaded. Failing that (host still down), just retry.
      setTimeout(
        () =>
          void fetch('/', { method: 'HEAD', cache: 'no-store' })
            .catch(() => {})
            .finally(connect),
        retryMs,
      );
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke(method, input) {
      const id = nextId++;
      const message = JSON.stringify({ type: 'call', id, method, input });
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) {
          socket.send(message);
          sent.add(id);
        } else {
          unsent.push({ id, message });
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

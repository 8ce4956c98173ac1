import type { WebSocket } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../../shared/contract/wire';
import type { Station } from '../station';

/**
 * One web-mode window: its calls go to the station in arrival order and its answers come back in the same order,
 * so scans submitted one after another are recorded one after another.
 */
export function serveSocket(socket: WebSocket, station: Station, clientId: string): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  let queue = Promise.resolve();

  const unsubscribe = station.onEvent((event) => send({ type: 'event', ...event }));

  socket.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      send({ type: 'protocol-error', error: { code: 'bad-message', detail: 'a message must be JSON {type:"call", id, method, input}' } });
      return;
    }
    const { id, method, input } = message.data;
    queue = queue.then(async () => send({ type: 'result', id, ...(await station.dispatch(method, input, clientId)) }));
  });

  socket.on('close', () => {
    unsubscribe();
    station.disconnectClient(clientId);
  });
}

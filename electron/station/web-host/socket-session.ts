import type { WebSocket } from 'ws';
import type { AnyStationEvent } from '../../../shared/contract/station-contract';
import { clientMessageSchema, type ServerMessage } from '../../../shared/contract/wire';
import type { Station } from '../station';

/**
 * Events a window that nobody has signed in to still needs: the status bar's. Scans (order numbers, badges,
 * recipients' labels) and print jobs go only to a window whose user signed in, so a process that merely opened a
 * socket learns nothing of the floor's work.
 */
const statusEvents: ReadonlySet<AnyStationEvent['name']> = new Set([
  'hub.status',
  'hub.embedded',
  'outbox.depth',
  'clock.offset',
  'scanner.connected',
  'scanner.disconnected',
]);

export interface SocketLimits {
  /** Messages sent but not yet handed to the operating system; a window that falls this far behind is closed. */
  maxQueuedMessages: number;
  /** Told when a socket is closed for falling behind (the host logs it; tests wait on it). */
  onSlowConsumer(clientId: string, queued: number): void;
}

/**
 * One web-mode window: its calls go to the station in arrival order and its answers come back in the same order,
 * so scans submitted one after another are recorded one after another.
 */
export function serveSocket(socket: WebSocket, station: Station, clientId: string, limits: SocketLimits): void {
  let queued = 0;
  let closedForLag = false;
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (queued >= limits.maxQueuedMessages) {
      // A window that does not read (hung, or not a window at all) would otherwise grow this process's memory
      // without bound; it reconnects and reloads what it shows if it was only slow.
      if (!closedForLag) {
        closedForLag = true;
        limits.onSlowConsumer(clientId, queued);
        socket.terminate();
      }
      return;
    }
    queued += 1;
    socket.send(JSON.stringify(message), () => {
      queued -= 1;
    });
  };
  let queue = Promise.resolve();

  const unsubscribe = station.onEvent((event) => {
    if (statusEvents.has(event.name) || station.signedIn(clientId)) send({ type: 'event', ...event });
  });

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

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Station } from '../station';
import { webModeCsp } from './content-security';
import { isLoopbackHost, isOwnOrigin } from './loopback-host';
import { serveSocket } from './socket-session';
import { SocketToken } from './socket-token';

export interface WebHostOptions {
  station: Station;
  /** The Vite build of the renderer. */
  rendererDir: string;
  port?: number;
  host?: string;
  /** Open station sockets at most; one more is refused (503) until one closes. A floor PC shows one or two windows. */
  maxConnections?: number;
  /** Answers and events queued for one socket at most before it is closed as too slow (see socket-session.ts). */
  maxQueuedMessages?: number;
  log?: (line: string) => void;
}

export interface WebHost {
  url: string;
  /** Station sockets open now. */
  connections(): number;
  close(): Promise<void>;
}

export const stationSocketPath = '/station';
const maxMessageBytes = 1024 * 1024;

/**
 * Web mode: serves the built renderer and carries the station contract over a WebSocket. It listens on loopback
 * only, answers only requests whose Host is a loopback name with its port (no DNS rebinding), and opens a socket only
 * from its own origin with this launch's token (socket-token.ts), so another web page in the same browser cannot
 * drive it. Events reach only signed-in windows (socket-session.ts); connections and queued messages are capped.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`the renderer is not built (${options.rendererDir}/index.html missing): run npm run build:renderer`);
  }
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  let port = 0;
  const token = new SocketToken();
  const log = options.log ?? ((line: string) => console.error(`[web-host] ${line}`));
  const maxConnections = options.maxConnections ?? 16;
  const maxQueuedMessages = options.maxQueuedMessages ?? 2000;
  const assets = sirv(options.rendererDir, { single: true, dev: false, etag: true, dotfiles: false });
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', webModeCsp(origin));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (!isLoopbackHost(request, port)) {
      response.writeHead(421).end();
      return;
    }
    response.setHeader('Set-Cookie', token.cookie(stationSocketPath, port));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    assets(request, response, () => {
      response.writeHead(404).end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const allowed = (request: IncomingMessage) =>
    request.url === stationSocketPath && isLoopbackHost(request, port) && isOwnOrigin(request) && token.presentedBy(request, port);
  server.on('upgrade', (request, socket, head) => {
    if (!allowed(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (sockets.clients.size >= maxConnections) {
      log(`refused a station socket: ${maxConnections} are open already`);
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      serveSocket(ws, options.station, `web-${randomUUID()}`, {
        maxQueuedMessages,
        onSlowConsumer: (clientId, queued) => log(`closed station socket ${clientId}: it fell ${queued} messages behind`),
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/`,
    connections: () => sockets.clients.size,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

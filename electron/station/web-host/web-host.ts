import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Station } from '../station';
import { webModeCsp } from './content-security';
import { serveSocket } from './socket-session';

export interface WebHostOptions {
  station: Station;
  /** The Vite build of the renderer. */
  rendererDir: string;
  port?: number;
  host?: string;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

export const stationSocketPath = '/station';
const maxMessageBytes = 1024 * 1024;

/**
 * Web mode: serves the built renderer and carries the station contract over a WebSocket. It listens on loopback
 * only and accepts sockets from its own origin only, so another web page in the same browser cannot drive it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`the renderer is not built (${options.rendererDir}/index.html missing): run npm run build:renderer`);
  }
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const assets = sirv(options.rendererDir, { single: true, dev: false, etag: true, dotfiles: false });
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', webModeCsp(origin));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    assets(request, response, () => {
      response.writeHead(404).end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const fromOurOrigin = (request: IncomingMessage) => request.headers.origin === origin;
  server.on('upgrade', (request, socket, head) => {
    if (request.url !== stationSocketPath || !fromOurOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.station, `web-${randomUUID()}`));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

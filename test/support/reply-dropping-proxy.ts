import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplyDroppingProxy {
  url: string;
  /** Requests the proxy forwarded to the hub, in order, as `METHOD /path`. */
  forwarded: string[];
  /** Hub answers the proxy read in full and then threw away, the caller's connection cut instead. */
  dropped: string[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a real hub that loses answers the way a network does: it forwards the request,
 * waits for the hub's whole answer (so the hub has committed and replied), and then cuts the caller's connection
 * instead of passing the answer on. `drop(method, path)` says which answers to lose; it is asked once per request.
 */
export async function startReplyDroppingProxy(target: string, drop: (method: string, path: string) => boolean): Promise<ReplyDroppingProxy> {
  const upstream = new URL(target);
  const forwarded: string[] = [];
  const dropped: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    forwarded.push(`${method} ${path}`);
    const toHub = httpRequest({ host: upstream.hostname, port: upstream.port, method, path, headers: incoming.headers }, (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (drop(method, path)) {
          dropped.push(`${method} ${path} → ${answer.statusCode}`);
          // The hub's answer is complete and thrown away: the caller sees its connection reset, never the answer.
          incoming.socket.destroy();
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        outgoing.end(Buffer.concat(chunks));
      });
    });
    toHub.on('error', () => incoming.socket.destroy());
    incoming.pipe(toHub);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

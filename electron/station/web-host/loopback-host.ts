import type { IncomingMessage } from 'node:http';

/** The names a browser on this PC may use for the host: loopback only. */
const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a request's Host header names this host on loopback with its own port. A page of another site that
 * rebinds its DNS name to 127.0.0.1 still sends its own name as Host, so it is refused here before anything is served.
 */
export function isLoopbackHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && loopbackNames.some((name) => host === `${name}:${port}`);
}

/** Whether the Origin of a WebSocket upgrade is the page this host served, under the name the Host header used. */
export function isOwnOrigin(request: IncomingMessage): boolean {
  return request.headers.origin !== undefined && request.headers.origin.toLowerCase() === `http://${request.headers.host?.toLowerCase()}`;
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie that carries this launch's socket token; sent by the browser only with the /station upgrade. Cookies
 * ignore ports, so its name holds the port: two stations on one PC (4810 and 4811) keep a token each.
 */
export const socketTokenCookie = (port: number) => `qwms-socket-${port}`;

/**
 * A per-launch secret a WebSocket must present to open. The page gets it as an HttpOnly, SameSite=Strict cookie set
 * on every page the host serves (no inline script: the CSP forbids one), so the renderer needs no code for it and a
 * page of another site — which cannot read our responses — never has it. A new launch makes a new token: a socket
 * token seen once is worth nothing after a restart.
 */
export class SocketToken {
  readonly value = randomBytes(32).toString('base64url');

  /** The Set-Cookie header for the page's responses. */
  cookie(socketPath: string, port: number): string {
    return `${socketTokenCookie(port)}=${this.value}; Path=${socketPath}; HttpOnly; SameSite=Strict`;
  }

  /** Whether an upgrade request carries this launch's token (compared in constant time). */
  presentedBy(request: IncomingMessage, port: number): boolean {
    const presented = cookieValue(request.headers.cookie, socketTokenCookie(port));
    if (!presented) return false;
    const expected = Buffer.from(this.value);
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

import { WebSocket } from 'ws';
import type { ServerMessage } from '../../shared/contract/wire';

/** A raw WebSocket client of the web host, speaking the wire format directly (as a misbehaving page might). */
export class StationSocket {
  private nextId = 1;
  readonly received: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  private closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    // A station that dies (a test kills it) answers nothing more: whoever waits hears so instead of waiting for ever.
    socket.on('close', () => {
      this.closed = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /**
   * Opens a socket as the page would: the host's page response sets this launch's socket token as a cookie, which goes
   * with the upgrade. `cookie` replaces it (null: none), for tests of a socket without or with a wrong token.
   */
  static async open(url: string, origin = new URL(url).origin, cookie?: string | null): Promise<StationSocket> {
    const token = cookie === undefined ? await pageCookie(url) : cookie;
    const socket = new WebSocket(`${url.replace(/^http/, 'ws').replace(/\/$/, '')}/station`, { origin, headers: token ? { cookie: token } : {} });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new StationSocket(socket);
  }

  async next(predicate: (message: ServerMessage) => boolean): Promise<ServerMessage> {
    for (;;) {
      const found = this.received.find(predicate);
      if (found) {
        this.received.splice(this.received.indexOf(found), 1);
        return found;
      }
      if (this.closed) throw new Error('the station closed the connection');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async call(method: string, input: unknown): Promise<ServerMessage> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'call', id, method, input }));
    return this.next((message) => message.type === 'result' && message.id === id);
  }

  sendRaw(data: string): void {
    this.socket.send(data);
  }

  close(): void {
    this.socket.close();
  }
}

/** The socket-token cookie the web host sets on its page, as a Cookie header value. */
export async function pageCookie(url: string): Promise<string> {
  const response = await fetch(url);
  await response.arrayBuffer();
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`the web host at ${url} set no socket token cookie`);
  return setCookie.split(';')[0] as string;
}

import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyStationEvent } from '../../shared/contract/station-contract';
import type { Station } from '../../electron/station/station';
import { startWebHost, type WebHost } from '../../electron/station/web-host/web-host';
import { pageCookie, StationSocket } from '../support/station-socket';
import { waitUntil } from '../support/wait-until';
import { rendererDir, startWebStation, type RunningWebStation } from '../support/web-station';

/**
 * The real station behind a host of the test's own, with one addition: the test can put an event on the station's
 * fan-out as its USB scanner service does (no scanner is plugged in here). Sign-in, dispatch and the bus are real.
 */
function withInjectedEvents(station: Station): { station: Station; emit(event: AnyStationEvent): void } {
  const listeners = new Set<(event: AnyStationEvent) => void>();
  return {
    station: {
      ...station,
      dispatch: station.dispatch.bind(station),
      disconnectClient: station.disconnectClient.bind(station),
      signedIn: station.signedIn.bind(station),
      onEvent(listener) {
        listeners.add(listener);
        const stopReal = station.onEvent(listener);
        return () => {
          listeners.delete(listener);
          stopReal();
        };
      },
    },
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}

/** A WebSocket upgrade sent by hand, so every header (Host too) is the test's: the host's answer status. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname,
      port,
      path: '/station',
      headers: {
        host: `${hostname}:${port}`,
        origin: `http://${hostname}:${port}`,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...headers,
      },
    });
    req.once('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

/** A client that completes the upgrade and then never reads another byte: a hung window. */
async function neverReadingSocket(url: string, cookie: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    [
      'GET /station HTTP/1.1',
      `Host: ${hostname}:${port}`,
      `Origin: http://${hostname}:${port}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      `Cookie: ${cookie}`,
      '',
      '',
    ].join('\r\n'),
  );
  const head = await new Promise<string>((resolve) => socket.once('data', (data: Buffer) => resolve(data.toString())));
  expect(head.split('\r\n')[0]).toContain('101');
  socket.pause();
  return socket;
}

let running: RunningWebStation;
let host: WebHost;
let inject: ReturnType<typeof withInjectedEvents>;
const logged: string[] = [];
const logWaiters: (() => void)[] = [];
beforeAll(async () => {
  running = await startWebStation();
  inject = withInjectedEvents(running.station);
  host = await startWebHost({
    station: inject.station,
    rendererDir,
    maxConnections: 4,
    maxQueuedMessages: 50,
    log: (line) => {
      logged.push(line);
      for (const wake of logWaiters.splice(0)) wake();
    },
  });
});
afterAll(async () => {
  await host?.close();
  await running?.stop();
});

async function loggedLine(pattern: RegExp): Promise<string> {
  for (;;) {
    const found = logged.find((line) => pattern.test(line));
    if (found) return found;
    await new Promise<void>((resolve) => logWaiters.push(resolve));
  }
}

const scanEvent = (text: string): AnyStationEvent =>
  ({
    name: 'scan',
    payload: { seq: 1, source: 'hid', deviceId: 'test', text, symbology: 'code128', verdict: 'good', at: new Date().toISOString() },
  }) as unknown as AnyStationEvent;

describe('web host access', () => {
  it('gives the page its socket token as an HttpOnly cookie for the socket path only, new on every launch', async () => {
    const response = await fetch(host.url);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^qwms-socket-${new URL(host.url).port}=[\\w-]{40,}; Path=/station; HttpOnly; SameSite=Strict$`));
    const other = await fetch(running.url);
    expect(other.headers.get('set-cookie')?.split(';')[0]).not.toBe(cookie.split(';')[0]);
  });

  it('refuses a socket without the token, with a wrong one, or with a forged Origin or Host', async () => {
    const cookie = await pageCookie(host.url);
    const { port } = new URL(host.url);
    expect(await upgradeStatus(host.url, { cookie })).toBe(101);
    expect(await upgradeStatus(host.url, {})).toBe(403);
    expect(await upgradeStatus(host.url, { cookie: `qwms-socket-${new URL(host.url).port}=${randomBytes(32).toString('base64url')}` })).toBe(403);
    expect(await upgradeStatus(host.url, { cookie, origin: 'http://evil.example' })).toBe(403);
    // A page of another site rebinding its name to 127.0.0.1: its own name as Host, Origin to match.
    expect(await upgradeStatus(host.url, { cookie, host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(403);
    // The other loopback name is the same host.
    expect(await upgradeStatus(host.url, { cookie, host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(101);
  });

  it('serves no page to a request for another host name', async () => {
    const { hostname, port } = new URL(host.url);
    const status = await new Promise<number>((resolve, reject) => {
      request({ hostname, port, path: '/', headers: { host: `evil.example:${port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .once('error', reject)
        .end();
    });
    expect(status).toBe(421);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('sends scans only to the window a user signed in on; status events to both', async () => {
    const signedIn = await StationSocket.open(host.url);
    const signedOut = await StationSocket.open(host.url);
    expect(await signedIn.call('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({ ok: true });
    inject.emit(scanEvent('SECRET-ORDER-1'));
    inject.emit({ name: 'outbox.depth', payload: { depth: 7 } });
    expect(await signedIn.next((m) => m.type === 'event' && m.name === 'scan')).toMatchObject({ payload: { text: 'SECRET-ORDER-1' } });
    // Events are written in order on each socket: once the status event after it is here, the scan would be too.
    await signedOut.next((m) => m.type === 'event' && m.name === 'outbox.depth' && (m.payload as { depth: number }).depth === 7);
    expect(signedOut.received.filter((m) => m.type === 'event' && m.name === 'scan')).toEqual([]);
    expect(JSON.stringify(signedOut.received)).not.toContain('SECRET-ORDER-1');
    signedIn.close();
    signedOut.close();
  });

  it('refuses a connection beyond the cap, and takes one again when one closes', async () => {
    await waitUntil(() => host.connections() === 0, 'the earlier sockets closed');
    const open = await Promise.all([1, 2, 3, 4].map(() => StationSocket.open(host.url)));
    const cookie = await pageCookie(host.url);
    expect(await upgradeStatus(host.url, { cookie })).toBe(503);
    expect(logged.some((line) => line.includes('4 are open already'))).toBe(true);
    open[0]!.close();
    await waitUntil(() => host.connections() === 3, 'one socket closed');
    expect(await upgradeStatus(host.url, { cookie })).toBe(101);
    for (const socket of open) socket.close();
    await waitUntil(() => host.connections() === 0, 'all sockets closed');
  });

  it('closes a socket that does not read once 50 messages wait for it, and serves the others on', async () => {
    const stuck = await neverReadingSocket(host.url, await pageCookie(host.url));
    const reader = await StationSocket.open(host.url);
    let slow: string | null = null;
    void loggedLine(/fell \d+ messages behind/).then((line) => (slow = line));
    // Big status events (which every socket gets) until the host gives up on the stuck one: the kernel's buffers
    // take the first few megabytes, then the host's own queue fills.
    const padding = 'x'.repeat(16 * 1024);
    for (let round = 0; slow === null; round += 1) {
      if (round > 5000) throw new Error('the host never closed the socket that does not read');
      for (let i = 0; i < 20; i += 1) inject.emit({ name: 'hub.status', payload: { state: 'online', padding } } as unknown as AnyStationEvent);
      await reader.call('session.users', {});
    }
    expect(slow).toMatch(/fell 50 messages behind/);
    // The reading window was never held back by the stuck one.
    expect(await reader.call('session.users', {})).toMatchObject({ ok: true });
    reader.close();
    stuck.destroy();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { StationSocket } from '../support/station-socket';
import { startWebStation, type RunningWebStation } from '../support/web-station';

let running: RunningWebStation;
beforeAll(async () => {
  running = await startWebStation();
});
afterAll(async () => {
  await running.stop();
});

describe('web host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(running.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves nothing outside the renderer folder and refuses writes', async () => {
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await fetch(new URL(path, running.url));
      expect(await response.text(), path).not.toContain('"name": "qwms-floor"');
    }
    expect((await fetch(running.url, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('listens on loopback only', () => {
    expect(new URL(running.url).hostname).toBe('127.0.0.1');
  });

  it('refuses a WebSocket from another origin', async () => {
    const socket = new WebSocket(`${running.url.replace('http', 'ws')}station`, { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('refuses an unknown method and a malformed payload with a clear error', async () => {
    const client = await StationSocket.open(running.url);
    expect(await client.call('station.format', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await client.call('session.signIn', { method: 'pin', userId: 'u-clerk', pin: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', issues: [{ path: 'pin' }] },
    });
    client.sendRaw('this is not json');
    expect(await client.next((message) => message.type === 'protocol-error')).toMatchObject({ error: { code: 'bad-message' } });
    client.sendRaw(JSON.stringify({ type: 'call', id: 'one', method: 'session.users' }));
    expect(await client.next((message) => message.type === 'protocol-error')).toMatchObject({ error: { code: 'bad-message' } });
    // The connection is still good after all that.
    expect(await client.call('session.users', {})).toMatchObject({ ok: true });
    client.close();
  });

  it('signs in per connection and answers a wrong PIN with its error code', async () => {
    const first = await StationSocket.open(running.url);
    const second = await StationSocket.open(running.url);
    expect(await first.call('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(await first.call('session.signIn', { method: 'badge', badge: 'NOBODY' })).toMatchObject({ ok: false, error: { code: 'unknown-badge' } });
    expect(await first.call('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({
      ok: true,
      output: { user: { role: 'clerk' } },
    });
    expect(await second.call('scans.recent', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await first.call('scans.recent', {})).toMatchObject({ ok: true });
    first.close();
    second.close();
  });

  it('records scans in the order they were sent, garbled and unfinished ones as bad', async () => {
    const client = await StationSocket.open(running.url);
    await client.call('session.signIn', { method: 'badge', badge: 'BADGE-0002' });
    const sent = Array.from({ length: 200 }, (_, i) => `]C0300001289771-${String(i).padStart(5, '0')}`);
    const answers = await Promise.all(sent.map((raw) => client.call('scans.submitWedge', { raw })));
    const scans = answers.map((answer) => (answer.type === 'result' && answer.ok ? (answer.output as { seq: number; text: string }) : null));
    expect(scans.map((scan) => scan?.text)).toEqual(sent.map((raw) => raw.slice(3)));
    const seqs = scans.map((scan) => scan?.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await client.call('scans.submitWedge', { raw: 'ABC\u0001DEF' })).toMatchObject({
      ok: true,
      output: { verdict: 'bad', badReason: 'control-characters' },
    });
    expect(await client.call('scans.submitWedge', { raw: '3000012', unfinished: true })).toMatchObject({
      ok: true,
      output: { verdict: 'bad', badReason: 'unfinished' },
    });
    client.close();
  });
});

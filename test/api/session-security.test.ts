import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '../../shared/contract/floor-events';
import { registerStation } from '../../server/services/stations';
import { addUser } from '../../server/services/users';
import { hubMessage } from '../../server/api/messages';
import { defaultRateLimits } from '../../server/api/rate-limits';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

/** Sign-in over HTTP: the same answer for an unknown name, sign-out, the rate limit, and the audit log for admins. */
describe.each(hubStoreFactories())('hub sessions over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let database: string;
  let stationAuth: Record<string, string>;

  const signIn = (body: unknown, headers: Record<string, string> = {}) => hub.request('POST', '/api/v1/sessions', { token: null, body, headers });

  beforeAll(async () => {
    hub = await startTestHub(factory);
    database = hub.hub.store.location;
    await addUser(hub.hub.store.db, { name: 'http-clerk', role: 'clerk', pin: '4321' });
    await addUser(hub.hub.store.db, { name: 'http-supervisor', role: 'supervisor', pin: '8765' });
    const secret = await registerStation(hub.hub.store.db, { id: 'st-http', name: 'HTTP', branchCode: tokyo });
    stationAuth = { authorization: `Station st-http:${secret}` };
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('answers an unknown name exactly as a wrong PIN: status, code and sentence', async () => {
    const wrongPin = await signIn({ user: 'http-clerk', pin: '0000' }, stationAuth);
    const unknown = await signIn({ user: 'no-such-person', pin: '0000' }, stationAuth);
    expect(wrongPin.status).toBe(401);
    expect(unknown).toEqual(wrongPin);
    expect(wrongPin.body.error).toEqual({ code: 'bad-credentials', message: '名前または PIN が違います。' });
  });

  it('refuses a Station header on a route closed to stations before checking its secret (no scrypt for it)', async () => {
    // A wrong secret is told apart from a right one only where a station may go: elsewhere both are simply forbidden.
    const closed = (authorization: string) => hub.request('GET', '/api/v1/sellers', { token: null, headers: { authorization } });
    expect((await closed(stationAuth.authorization!)).body.error.code).toBe('forbidden');
    expect((await closed('Station st-http:not-the-secret')).body.error.code).toBe('forbidden');
    const open = await hub.request('GET', '/api/v1/me', { token: null, headers: { authorization: 'Station st-http:not-the-secret' } });
    expect(open.status).toBe(401);
  });

  it('revokes the token on sign-out: the same token then gets 401, and the audit log has the sign-out', async () => {
    const { body } = await signIn({ user: 'http-clerk', pin: '4321' }, stationAuth);
    expect((await hub.request('GET', '/api/v1/me', { token: body.token })).status).toBe(200);
    expect((await hub.request('DELETE', '/api/v1/sessions/current', { token: body.token })).status).toBe(204);
    const after = await hub.request('GET', '/api/v1/me', { token: body.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
    const audit = await hub.request('GET', '/api/v1/audit?kind=sign-out');
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0]).toMatchObject({ kind: 'sign-out', outcome: 'ok', userName: 'http-clerk' });
  });

  it('shows the audit log to admins only, filtered and paged; `qwms audit` prints the same', async () => {
    const supervisor = (await signIn({ user: 'http-supervisor', pin: '8765' }, stationAuth)).body.token as string;
    const refused = await hub.request('GET', '/api/v1/audit', { token: supervisor });
    expect(refused.status).toBe(403);
    const signIns = await hub.request('GET', '/api/v1/audit?kind=sign-in&limit=2');
    expect(signIns.body.entries).toHaveLength(2);
    expect(signIns.body.entries.every((e: { kind: string }) => e.kind === 'sign-in')).toBe(true);
    expect(signIns.body.entries[0]).toMatchObject({ outcome: 'ok', userName: 'http-supervisor', stationId: 'st-http', method: 'pin' });
    const next = await hub.request('GET', `/api/v1/audit?kind=sign-in&limit=2&before=${signIns.body.next}`);
    expect(next.body.entries[0].seq).toBeLessThan(signIns.body.entries[1].seq);
    const bad = await hub.request('GET', '/api/v1/audit?from=yesterday');
    expect(bad.status).toBe(400);

    // The CLI reads a SQLite file by path; the PostgreSQL run checks the same log over the API only (above).
    if (factory.dialect !== 'sqlite') console.info('[not run on PostgreSQL] qwms audit --db takes a SQLite file');
    else {
      const cli = spawnSync(process.execPath, ['bin/qwms.mjs', 'audit', '--db', database, '--kind', 'sign-out', '--json'], {
        cwd: process.cwd(),
        encoding: 'utf8',
        env: { ...process.env, QWMS_LANG: 'en' },
        timeout: 60_000,
      });
      expect(cli.stderr).toBe('');
      expect(JSON.parse(cli.stdout).entries.map((e: { userName: string }) => e.userName)).toEqual(['http-clerk']);
    }
  });

  it('answers a flood of sign-ins with 429 and a sentence saying when, while a station pushing 50 batches in a row is never limited', async () => {
    const answers = [];
    for (let i = 0; i <= defaultRateLimits.signInPerMinute; i++) answers.push(await signIn({ user: `flood-${i}`, pin: '0000' }, { 'accept-language': 'en' }));
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(limited.body.error.message).toMatch(/^Too many requests in a short time\. Try again in \d+ seconds\.$/);
    // Before the rate limit, the address's own lockout had already stopped the guessing (after ten failures).
    expect(answers.slice(0, 9).map((a) => a.status)).toEqual(Array(9).fill(401));
    expect(answers[9]!.body.error.code).toBe('sign-in-locked');
    expect(answers[9]!.body.error.message).toBe(hubMessage('sign-in-locked', 'en', { seconds: 30 }));

    // The same machine's station goes on: its pushes are its own, far larger allowance.
    let seq = 1;
    for (let batch = 0; batch < 50; batch++) {
      const events: FloorEvent[] = [1, 2].map(() => ({
        eventId: randomUUID(),
        seq: seq++,
        kind: 'stock.adjusted',
        payload: { sku: 'NO-SUCH-SKU', quantity: 1, reason: 'count' },
        occurredAt: new Date().toISOString(),
        userId: null,
      }));
      const pushed = await hub.request('POST', '/api/v1/station-events', { token: null, headers: stationAuth, body: { events } });
      expect(pushed.status).toBe(200);
    }
    expect((await hub.request('GET', '/api/v1/changes?since=0', { token: null, headers: stationAuth })).status).toBe(200);
  });
});

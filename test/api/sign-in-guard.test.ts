import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/services/audit/audit-log';
import { ensureReferenceData } from '../../server/services/reference-data';
import { Refusal } from '../../server/services/refusal';
import { signInGuardPolicy } from '../../server/services/sign-in-guard';
import { addUser, disableUser, purgeExpiredSessions, signIn } from '../../server/services/users';
import { openHubStore, type HubStore } from '../../server/storage/database';
import { hubStoreFactories } from '../support/hub-stores';

/** The refusal a sign-in ends with (code and parameters), or 'ok'. */
async function attempt(store: HubStore, credentials: { user?: string; pin?: string; badge?: string }, now: Date, origin = {}) {
  try {
    await signIn(store.db, credentials, now, origin);
    return 'ok';
  } catch (error) {
    if (error instanceof Refusal) return { code: error.code, ...error.params };
    throw error;
  }
}

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

/**
 * Lockout after failed sign-ins, per account and per station, on the hub's own service with the clock handed in:
 * no sleeps, no wall clock. The HTTP side (the same refusal over the wire, the rate limit, sign-out) is in
 * session-security.test.ts.
 */
describe.each(hubStoreFactories())('sign-in lockout and audit on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  const t0 = new Date('2026-12-07T00:00:00.000Z');

  async function freshStore(location?: string) {
    const store = location ? await openHubStore(location) : await factory.open();
    await ensureReferenceData(store.db);
    return store;
  }

  it('answers an unknown name, a disabled user and a wrong PIN with the same refusal', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'same-clerk', role: 'clerk', pin: '2468' });
    await addUser(store.db, { name: 'gone-clerk', role: 'clerk', pin: '2468' });
    await disableUser(store.db, 'gone-clerk');
    const wrongPin = await attempt(store, { user: 'same-clerk', pin: '1111' }, t0);
    expect(wrongPin).toEqual({ code: 'bad-credentials' });
    expect(await attempt(store, { user: 'nobody-here', pin: '1111' }, t0)).toEqual(wrongPin);
    expect(await attempt(store, { user: 'gone-clerk', pin: '2468' }, t0)).toEqual(wrongPin);
    expect(await attempt(store, { badge: 'NO-SUCH-BADGE' }, t0, { stationId: 'st-a' })).toEqual(wrongPin);
    await store.close();
  });

  it('locks an account at the fifth failure for 30 s, doubles the lock with each failure after, up to 15 minutes, and a success starts again', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'lock-packer', role: 'packer', pin: '5555' });
    const wrong = (now: Date) => attempt(store, { user: 'lock-packer', pin: '0000' }, now);
    for (let i = 0; i < 4; i++) expect(await wrong(at(t0, i))).toEqual({ code: 'bad-credentials' });
    expect(await wrong(at(t0, 4))).toMatchObject({ code: 'sign-in-locked', seconds: 30 });
    // Locked: even the right PIN is refused, with the time left, and it does not count as a failure.
    expect(await attempt(store, { user: 'lock-packer', pin: '5555' }, at(t0, 14))).toMatchObject({ code: 'sign-in-locked', seconds: 20 });
    // The lock over, the next failure locks again at once, twice as long; and so on up to the longest lock.
    let now = at(t0, 34);
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refusal = (await wrong(now)) as { code: string; seconds: number };
      expect(refusal.code).toBe('sign-in-locked');
      locks.push(refusal.seconds);
      now = at(now, refusal.seconds);
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
    expect(signInGuardPolicy.longestLockMs).toBe(900_000);
    expect(await attempt(store, { user: 'lock-packer', pin: '5555' }, now)).toBe('ok');
    // A success resets the account: four failures again before a lock.
    for (let i = 1; i <= 4; i++) expect(await wrong(at(now, i))).toEqual({ code: 'bad-credentials' });
    await store.close();
  });

  it('locks a name nobody has just like a real one, so the lock does not tell which names exist', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'real-one', role: 'clerk', pin: '1357' });
    const outcomes = async (user: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++) seen.push(await attempt(store, { user, pin: '9999' }, at(t0, i)));
      return seen;
    };
    expect(await outcomes('made-up-name')).toEqual(await outcomes('real-one'));
    await store.close();
  });

  it('locks a station after ten failures in a row whoever they were for, and not another station; a success at the station starts it again', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'busy-clerk', role: 'clerk', pin: '8642' });
    // A busy station's typos: nine, a success, nine more, and no lock.
    for (let i = 0; i < 9; i++) await attempt(store, { user: `typo-${i}`, pin: '0000' }, at(t0, -100 + i), { stationId: 'st-guessed' });
    expect(await attempt(store, { user: 'busy-clerk', pin: '8642' }, at(t0, -90), { stationId: 'st-guessed' })).toBe('ok');
    for (let i = 0; i < 9; i++) {
      expect(await attempt(store, { user: `guess-${i}`, pin: '0000' }, at(t0, i), { stationId: 'st-guessed' })).toEqual({ code: 'bad-credentials' });
    }
    expect(await attempt(store, { user: 'guess-9', pin: '0000' }, at(t0, 9), { stationId: 'st-guessed' })).toMatchObject({
      code: 'sign-in-locked',
      seconds: 30,
    });
    expect(await attempt(store, { user: 'busy-clerk', pin: '8642' }, at(t0, 10), { stationId: 'st-guessed' })).toMatchObject({ code: 'sign-in-locked' });
    expect(await attempt(store, { user: 'busy-clerk', pin: '8642' }, at(t0, 10), { stationId: 'st-other' })).toBe('ok');
    await store.close();
  });

  it('keeps a lock through a hub restart (the lock is in the database)', async () => {
    const location = await factory.location();
    const first = await freshStore(location);
    await addUser(first.db, { name: 'restart-clerk', role: 'clerk', pin: '7531' });
    for (let i = 0; i < 5; i++) await attempt(first, { user: 'restart-clerk', pin: '0000' }, at(t0, i));
    await first.close();

    const second = await freshStore(location);
    expect(await attempt(second, { user: 'restart-clerk', pin: '7531' }, at(t0, 20))).toMatchObject({ code: 'sign-in-locked', seconds: 14 });
    expect(await attempt(second, { user: 'restart-clerk', pin: '7531' }, at(t0, 35))).toBe('ok');
    await second.close();
  });

  it('writes every attempt and lockout in the audit log, newest first, filtered by kind and paged', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'audited', role: 'supervisor', pin: '1212' });
    await attempt(store, { user: 'audited', pin: '1212' }, at(t0, 0), { stationId: 'st-audit' });
    for (let i = 1; i <= 5; i++) await attempt(store, { user: 'audited', pin: '0000' }, at(t0, i), { stationId: 'st-audit' });
    await attempt(store, { user: 'nobody', pin: '0000' }, at(t0, 6), { stationId: 'st-audit' });

    const { entries } = await listAudit(store.db);
    expect(entries.map((e) => `${e.kind}:${e.outcome}:${e.reason ?? ''}:${e.userName}`)).toEqual([
      'sign-in:refused:unknown-user:nobody',
      'lockout:ok:wrong-pin:audited',
      'sign-in:refused:wrong-pin:audited',
      'sign-in:refused:wrong-pin:audited',
      'sign-in:refused:wrong-pin:audited',
      'sign-in:refused:wrong-pin:audited',
      'sign-in:refused:wrong-pin:audited',
      'sign-in:ok::audited',
    ]);
    expect(entries.at(-1)).toMatchObject({ stationId: 'st-audit', method: 'pin', at: t0.toISOString() });
    expect(entries[1]!.detail).toEqual({ lockedOn: expect.stringMatching(/^user:/), until: at(t0, 35).toISOString() });

    const lockouts = await listAudit(store.db, { kinds: ['lockout'] });
    expect(lockouts.entries).toHaveLength(1);
    const firstPage = await listAudit(store.db, { limit: 3 });
    const secondPage = await listAudit(store.db, { limit: 3, before: firstPage.next! });
    expect([...firstPage.entries, ...secondPage.entries].map((e) => e.seq)).toEqual(entries.slice(0, 6).map((e) => e.seq));
    const window = await listAudit(store.db, { from: at(t0, 1).toISOString(), to: at(t0, 3).toISOString() });
    expect(window.entries.map((e) => e.at)).toEqual([at(t0, 2).toISOString(), at(t0, 1).toISOString()]);
    await store.close();
  });

  it('removes expired sessions on the purge and at the next sign-in', async () => {
    const store = await freshStore();
    await addUser(store.db, { name: 'shift-clerk', role: 'clerk', pin: '3434' });
    await signIn(store.db, { user: 'shift-clerk', pin: '3434' }, t0);
    await signIn(store.db, { user: 'shift-clerk', pin: '3434' }, at(t0, 3600));
    const sessions = () => store.db.selectFrom('sessions').select('expires_at').orderBy('expires_at').execute();
    expect(await sessions()).toHaveLength(2);
    // Twelve hours and a half later: the first has expired, the second not yet.
    expect(await purgeExpiredSessions(store.db, at(t0, 12.5 * 3600))).toBe(1);
    expect(await sessions()).toEqual([{ expires_at: at(t0, 13 * 3600).toISOString() }]);
    // A sign-in the next day leaves only its own session.
    await signIn(store.db, { user: 'shift-clerk', pin: '3434' }, at(t0, 24 * 3600));
    expect(await sessions()).toEqual([{ expires_at: at(t0, 36 * 3600).toISOString() }]);
    await store.close();
  });
});

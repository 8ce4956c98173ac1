import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../shared/contract/errors';
import type { Session } from '../../../shared/contract/schemas';
import { createDispatcher, type StationHandlers } from '../../../electron/station/contract-host/dispatcher';
import { stationMethods } from '../../../shared/contract/station-contract';
import { HubContractError, HubRefusal, HubUnreachable } from '../../../electron/station/hub-client/hub-http';

const clerk: Session = { user: { id: 'u1', name: '田中', role: 'clerk' }, signedInAt: new Date().toISOString(), offline: false };

function handlersRecording(calls: string[], overrides: Partial<StationHandlers> = {}): StationHandlers {
  const record =
    <T>(name: string, value: T) =>
    () => {
      calls.push(name);
      return value;
    };
  const scan = {
    id: 'x',
    seq: 1,
    source: 'wedge',
    deviceId: null,
    aim: null,
    symbology: 'unknown',
    text: 'ABCD',
    verdict: 'good',
    badReason: null,
    at: new Date().toISOString(),
  } as const;
  // Methods this test does not call answer with an error, which the dispatcher must report as internal.
  const untested = Object.fromEntries(
    Object.keys(stationMethods).map((name) => [
      name,
      () => {
        throw new Error(`${name} is not part of this test`);
      },
    ]),
  );
  return {
    ...(untested as unknown as StationHandlers),
    'session.users': record('session.users', []),
    'session.signIn': record('session.signIn', clerk),
    'session.signOut': record('session.signOut', { signedOut: true }),
    'session.current': record('session.current', null),
    'station.status': record('station.status', {
      stationId: 's',
      hub: { state: 'offline', url: null, since: new Date().toISOString() },
      embeddedHub: null,
      outboxDepth: 0,
      scanners: [],
      hidAvailable: true,
      clockOffsetMs: null,
    }),
    'scans.submitWedge': record('scans.submitWedge', scan),
    'scans.recent': record('scans.recent', [scan]),
    ...overrides,
  };
}

const context = (session: Session | null = null) => ({ clientId: 'c1', session: () => session });

describe('station dispatcher', () => {
  it('answers an unknown method without calling any handler', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(handlersRecording(calls));
    for (const method of ['nope', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(method, {}, context(clerk));
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a malformed payload before the handler, naming the bad field', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(handlersRecording(calls));
    const result = await dispatch('session.signIn', { method: 'pin', userId: 'u1', pin: '12ab' }, context());
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input', issues: [{ path: 'pin' }] } });
    expect(await dispatch('session.users', { extra: true }, context())).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await dispatch('scans.submitWedge', 'not an object', context(clerk))).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(calls).toEqual([]);
  });

  it('keeps signed-in methods from callers who are not signed in', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(handlersRecording(calls));
    expect(await dispatch('scans.recent', {}, context())).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await dispatch('scans.recent', {}, context(clerk))).toMatchObject({ ok: true });
    expect(calls).toEqual(['scans.recent']);
  });

  it('applies input defaults before the handler sees the input', async () => {
    let seen: unknown;
    const dispatch = createDispatcher(handlersRecording([], { 'scans.recent': (input) => ((seen = input), []) }));
    await dispatch('scans.recent', {}, context(clerk));
    expect(seen).toEqual({ limit: 100 });
  });

  it('turns a StationFailure into its code and any other throw into internal', async () => {
    const logs: string[] = [];
    const dispatch = createDispatcher(
      handlersRecording([], {
        'session.signIn': () => {
          throw new StationFailure('bad-credentials', 'wrong PIN');
        },
        'session.users': () => {
          throw new Error('database on fire');
        },
      }),
      (message) => logs.push(message),
    );
    expect(await dispatch('session.signIn', { method: 'pin', userId: 'u1', pin: '0000' }, context())).toEqual({
      ok: false,
      error: { code: 'bad-credentials', detail: 'wrong PIN' },
    });
    const internal = await dispatch('session.users', {}, context());
    expect(internal).toEqual({ ok: false, error: { code: 'internal', detail: 'session.users failed' } });
    expect(logs.join('\n')).toContain('database on fire');
  });

  it("answers every feature's hub trouble the same way: hub away is hub-offline, a hub refusal is hub-refused in the hub's words", async () => {
    const logs: string[] = [];
    const dispatch = createDispatcher(
      handlersRecording([], {
        'scans.recent': () => {
          throw new HubUnreachable(new Error('connect ECONNREFUSED'));
        },
        'session.users': () => {
          throw new HubRefusal(409, 'pick-list-empty', '出荷できる注文がありません');
        },
      }),
      (message) => logs.push(message),
    );
    expect(await dispatch('scans.recent', {}, context(clerk))).toMatchObject({ ok: false, error: { code: 'hub-offline' } });
    expect(await dispatch('session.users', {}, context())).toMatchObject({ ok: false, error: { code: 'hub-refused', message: '出荷できる注文がありません' } });
    // Expected answers, not station bugs: nothing is logged as a failure.
    expect(logs).toEqual([]);
  });

  it('answers a hub answer it cannot read (a hub upgraded apart) as hub-contract, naming the route and version in the detail', async () => {
    const dispatch = createDispatcher(
      handlersRecording([], {
        'scans.recent': () => {
          throw new HubContractError('pickLists.make', '0.9.0', 'answer', 'lists: expected array');
        },
      }),
    );
    const answer = await dispatch('scans.recent', {}, context(clerk));
    expect(answer).toMatchObject({ ok: false, error: { code: 'hub-contract' } });
    expect(answer.ok ? '' : answer.error.detail).toContain('pickLists.make');
    expect(answer.ok ? '' : answer.error.detail).toContain('0.9.0');
  });

  it('does not let a handler answer outside its contract', async () => {
    const dispatch = createDispatcher(handlersRecording([], { 'session.users': () => [{ id: 'u1', name: '', role: 'owner' }] as never }));
    expect(await dispatch('session.users', {}, context())).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

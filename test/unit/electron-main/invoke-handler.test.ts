import { describe, expect, it, vi } from 'vitest';
import { createInvokeHandler } from '../../../electron/main/ipc/invoke-handler';
import type { SenderFacts } from '../../../electron/main/ipc/trusted-sender';
import type { CallResult } from '../../../shared/contract/wire';

const trusted: SenderFacts = { isTopFrame: true, url: 'app://station/' };

function setup(answer: () => Promise<CallResult> = async () => ({ ok: true, output: { fine: true } })) {
  const dispatch = vi.fn(answer);
  const log = vi.fn();
  const handle = createInvokeHandler({ dispatch }, 'window-7', log);
  return { dispatch, log, handle };
}

describe('createInvokeHandler', () => {
  it('passes a well-formed call from our page to the station with the window as client', async () => {
    const { dispatch, handle } = setup();
    const result = await handle(trusted, { method: 'scans.recent', input: { limit: 5 } });
    expect(result).toEqual({ ok: true, output: { fine: true } });
    expect(dispatch).toHaveBeenCalledWith('scans.recent', { limit: 5 }, 'window-7');
  });

  it('answers forbidden-sender, logs it, and never reaches the station for a subframe', async () => {
    const { dispatch, log, handle } = setup();
    const result = await handle({ isTopFrame: false, url: 'app://station/' }, { method: 'session.users', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses a foreign origin before looking at its payload', async () => {
    const { dispatch, handle } = setup();
    const result = await handle({ isTopFrame: true, url: 'https://example.com/' }, 'not even an envelope');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['a string', 'session.users'],
    ['null', null],
    ['a missing method', { input: {} }],
    ['a numeric method', { method: 42, input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['a method of 101 characters', { method: 'm'.repeat(101), input: {} }],
    ['extra keys', { method: 'session.users', input: {}, clientId: 'window-1' }],
  ])('answers bad-message for %s without calling the station', async (_label, envelope) => {
    const { dispatch, handle } = setup();
    const result = await handle(trusted, envelope);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts a method of exactly 100 characters and leaves its validation to the station', async () => {
    const { dispatch, handle } = setup(async () => ({ ok: false, error: { code: 'unknown-method', detail: 'no such method' } }));
    const result = await handle(trusted, { method: 'm'.repeat(100), input: undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('turns a throwing station into an internal error instead of a rejected invoke', async () => {
    const { log, handle } = setup(async () => {
      throw new Error('database is locked');
    });
    const result = await handle(trusted, { method: 'station.status', input: {} });
    expect(result).toEqual({ ok: false, error: { code: 'internal', detail: 'station.status failed' } });
    expect(log.mock.calls[0]?.[0]).toContain('database is locked');
  });
});

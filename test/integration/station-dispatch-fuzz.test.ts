// Fuzzing the station's one door (electron/station/contract-host/dispatcher.ts) on a real station with its real
// handlers, outbox and hub (issue 14, item 10): random method names and payloads are always answered — never a
// throw — with a worded error when refused, and a refused payload records no floor event.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stationErrorCodes } from '../../shared/contract/errors';
import { stationMethods } from '../../shared/contract/station-contract';
import { startStation, type Station } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';

/** Signing out would leave every later call at not-signed-in; the rest are fair game. */
const methods = Object.keys(stationMethods).filter((name) => name !== 'session.signOut');
const methodName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...methods) },
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session', 'stock.adjust ', 'STOCK.ADJUST', 'packing.ship.x', ''),
  fc.string({ maxLength: 40 }),
);
/** Field names the contract uses, so random payloads often get past the first check and fail deeper. */
const field = fc.constantFrom(
  ...['sku', 'quantity', 'reason', 'orderId', 'bundleId', 'code', 'text', 'raw', 'userId', 'pin', 'badge', 'method', 'language'],
  ...['location', 'count', 'countId', 'listId', 'jobId', 'printer', 'kind', 'day', 'date', 'lines', 'id', 'blind', 'threshold'],
);
const payload = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(field, fc.oneof(fc.anything({ maxDepth: 2 }), fc.integer(), fc.string({ maxLength: 30 }), fc.constant(-1), fc.constant(1e308)), { maxKeys: 5 }),
);

describe('the station dispatcher under random calls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-dispatch-fuzz-'));
  let hub: Awaited<ReturnType<typeof startHub>>;
  let station: Station;
  const lastSeq = () => station.store.recent(1)[0]?.seq ?? 0;
  const signIn = async () => {
    const result = await station.dispatch('session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' }, 'fuzz');
    expect(result.ok).toBe(true);
  };

  beforeAll(async () => {
    hub = await startHub({ database: join(dir, 'hub.sqlite') });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-fuzz', name: 'fuzz', branchCode: tokyo, secret: 'fuzz-secret-123' });
    station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url: hub.url, stationId: 'st-fuzz', secret: 'fuzz-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 200,
    });
    await signIn();
  });
  afterAll(async () => {
    await station?.close();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every random call, refuses bad ones in words, and records no floor event for a refused payload', async () => {
    await fc.assert(
      fc.asyncProperty(methodName, payload, async (method, input) => {
        if (!station.signedIn('fuzz')) await signIn();
        const before = lastSeq();
        const result = await station.dispatch(method, input, 'fuzz');
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) return;
        expect(stationErrorCodes).toContain(result.error.code);
        expect(result.error.detail).toMatch(/\S/);
        if (['unknown-method', 'bad-input', 'not-signed-in', 'forbidden'].includes(result.error.code)) expect(lastSeq()).toBe(before);
        if (!Object.hasOwn(stationMethods, method)) expect(result.error.code).toBe('unknown-method');
      }),
      { numRuns: 250 },
    );
  });

  it('a payload refused by its schema never reaches the outbox, even for the methods that record events', async () => {
    const recording = [
      'stock.adjust',
      'putaway.scan',
      'inspection.scan',
      'inspection.key',
      'packing.scan',
      'picking.scan',
      'stockCount.confirm',
      'receiving.arrive',
    ];
    let refusedPayloads = 0;
    expect(recording.filter((m) => !(m in stationMethods))).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...recording.filter((m) => m in stationMethods)), payload, async (method, input) => {
        if (!station.signedIn('fuzz')) await signIn();
        const before = lastSeq();
        const result = await station.dispatch(method, input, 'fuzz');
        if (!result.ok && result.error.code === 'bad-input') {
          refusedPayloads++;
          expect(result.error.issues?.length ?? 0).toBeGreaterThan(0);
          expect(lastSeq()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
    // The property above checked something: payloads the schemas refused did come up.
    expect(refusedPayloads).toBeGreaterThan(0);
    // The station is still whole: it answers a real call.
    expect(await station.dispatch('station.status', {}, 'fuzz')).toMatchObject({ ok: true });
  });
});

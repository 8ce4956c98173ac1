import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StationStatus } from '../../shared/contract/schemas';
import type { AnyStationEvent } from '../../shared/contract/station-contract';
import { clockSkewWarningMs, isClockSkewed } from '../../shared/domain/clock-skew';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/domain/tokyo-time';
import { startStation } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { unusedPort } from '../support/raw-port-listener';
import { waitUntil } from '../support/wait-until';

const minute = 60_000;

/**
 * The station's clock against a real hub's. The station stamps every floor event with its own clock (injected here),
 * learns the hub's time from each answer, and says on its status when the two are far apart; the hub books an event
 * pushed late at the time the station stamped it.
 */
describe('a station whose clock is off the hub’s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flags a clock 10 minutes behind in its status and with an event, and not a clock in step', async () => {
    const hub = await startHub({ database: join(dir, 'hub.sqlite') });
    await registerStation(hub.store.db, { id: 'st-slow', name: 'slow', branchCode: tokyo, secret: 'slow-secret-123' });
    await registerStation(hub.store.db, { id: 'st-true', name: 'true', branchCode: tokyo, secret: 'true-secret-123' });
    const events: AnyStationEvent[] = [];
    const slow = await startStation({
      dataDir: join(dir, 'slow'),
      hub: { url: hub.url, stationId: 'st-slow', secret: 'slow-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
      clock: () => new Date(Date.now() - 10 * minute),
    });
    const inStep = await startStation({
      dataDir: join(dir, 'true'),
      hub: { url: hub.url, stationId: 'st-true', secret: 'true-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
    });
    slow.onEvent((event) => events.push(event));
    const status = async (station: typeof slow) => ((await station.dispatch('station.status', {}, 'window')) as { ok: true; output: StationStatus }).output;
    try {
      await waitUntil(() => events.some((event) => event.name === 'clock.offset'), 'the slow station to hear the hub’s time', 20_000);
      const offset = events.find((event) => event.name === 'clock.offset')!.payload as { offsetMs: number };
      // Hub minus station: the hub is 10 minutes ahead, within the Date header's second and the round trip.
      expect(Math.abs(offset.offsetMs - 10 * minute)).toBeLessThan(2000);
      const slowStatus = await status(slow);
      expect(isClockSkewed(slowStatus.clockOffsetMs)).toBe(true);
      expect(Math.abs(slowStatus.clockOffsetMs! - 10 * minute)).toBeLessThan(2000);

      await waitUntil(async () => (await status(inStep)).clockOffsetMs !== null, 'the station in step to hear the hub’s time', 20_000);
      const inStepStatus = await status(inStep);
      expect(Math.abs(inStepStatus.clockOffsetMs!)).toBeLessThan(2000);
      expect(isClockSkewed(inStepStatus.clockOffsetMs)).toBe(false);
      expect(clockSkewWarningMs).toBeLessThan(10 * minute);
    } finally {
      await slow.close();
      await inStep.close();
      await hub.close();
    }
  });

  it('stamps an event made with the hub away by its own clock, and the hub books it on that day when it comes back after midnight', async () => {
    const port = await unusedPort();
    const database = join(dir, 'hub-late.sqlite');
    let hub = await startHub({ database, port });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-late', name: 'late', branchCode: tokyo, secret: 'late-secret-123' });
    const sku = await hub.store.db
      .selectFrom('stock_balances')
      .select(['sku', 'quantity'])
      .where('quantity', '>', 0)
      .where('branch_code', '=', tokyo)
      .orderBy('sku')
      .executeTakeFirstOrThrow();
    // The floor's clock reads yesterday 23:59:30 in Tokyo and runs on; the hub's is now, after that midnight.
    const yesterday = addDays(tokyoDate(new Date()), -1);
    const floorStart = tokyoInstant(yesterday, 23, 59, 30).getTime();
    const started = Date.now();
    const clock = () => new Date(floorStart + (Date.now() - started));
    const events: AnyStationEvent[] = [];
    const station = await startStation({
      dataDir: join(dir, 'late'),
      hub: { url: hub.url, stationId: 'st-late', secret: 'late-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
      clock,
    });
    station.onEvent((event) => events.push(event));
    try {
      await waitUntil(() => events.some((event) => event.name === 'hub.status' && event.payload.state === 'online'), 'the hub online', 20_000);
      expect((await station.dispatch('session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' }, 'window')).ok).toBe(true);
      await hub.close();
      await waitUntil(() => events.some((event) => event.name === 'hub.status' && event.payload.state === 'offline'), 'the hub offline', 20_000);

      const adjusted = await station.dispatch('stock.adjust', { sku: sku.sku, quantity: -1, reason: '棚卸し' }, 'window');
      expect(adjusted).toMatchObject({ ok: true, output: { outboxDepth: 1 } });
      const [entry] = station.store.recent(1);
      expect(tokyoDate(entry!.occurredAt)).toBe(yesterday);

      hub = await startHub({ database, port });
      await waitUntil(() => station.store.pendingCount() === 0, 'the outbox to drain', 20_000);
      const movement = await hub.store.db
        .selectFrom('stock_movements')
        .select(['occurred_at', 'created_at'])
        .where('kind', '=', 'adjustment')
        .where('sku', '=', sku.sku)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(movement.occurred_at).toBe(entry!.occurredAt);
      expect(tokyoDate(movement.occurred_at!)).toBe(yesterday);
      expect(tokyoDate(movement.created_at)).not.toBe(yesterday);
      // A clock hours behind the hub's is of course flagged too.
      expect(isClockSkewed(((await station.dispatch('station.status', {}, 'window')) as { ok: true; output: StationStatus }).output.clockOffsetMs)).toBe(true);
    } finally {
      await station.close();
      await hub.close();
    }
  });
});

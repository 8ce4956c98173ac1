import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStation } from '../../electron/station/station';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';
import type { StockCountConfirmResult, StockCountTarget } from '../../shared/contract/stock-count';
import { tokyo } from '../support/hub-fixtures';
import { waitUntil } from '../support/wait-until';

/**
 * A SKU in the middle of being picked is counted against what is left on the shelf: the hub's balance only goes
 * down when the parcel is scanned out, so the station's book takes the picked units off, and the count the hub
 * applies (counted − book) leaves the balance right once the parcel leaves.
 */
describe('a cycle count while a SKU is being picked (real hub, real station)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-count-picking-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts against the shelf, the pick laid over by the overlay before and after the hub has it, and the hub applies the difference once', async () => {
    const hub = await startHub({ database: join(dir, 'hub.sqlite') });
    await loadDemoData(hub.store);
    await registerStation(hub.store.db, { id: 'st-count', name: 'count', branchCode: tokyo, secret: 'count-secret-123' });
    const station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url: hub.url, stationId: 'st-count', secret: 'count-secret-123' },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 50,
    });
    try {
      const db = hub.store.db;
      const order = await db
        .selectFrom('orders')
        .select(['id', 'sku', 'quantity'])
        .where('state', '=', 'allocated')
        .where('branch_code', '=', tokyo)
        .where('sku', 'is not', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const sku = order.sku!;
      const balance = async () =>
        (await db.selectFrom('stock_balances').select('quantity').where('sku', '=', sku).where('branch_code', '=', tokyo).executeTakeFirstOrThrow()).quantity;
      const before = await balance();
      const offShelfAtHub = (
        await db.selectFrom('orders').select('quantity').where('sku', '=', sku).where('state', 'in', ['picked', 'packed']).execute()
      ).reduce((sum, row) => sum + row.quantity, 0);
      await waitUntil(
        () => station.store.cachedOne('order', order.id) !== null && station.store.cachedOne('stock', `${sku}@${tokyo}`) !== null,
        'the feed pulled',
      );
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const answer = await station.dispatch(method, input, 'window');
        if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
        return answer.output as T;
      };
      await call('session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' });

      // The packer picks the order at this station: in the outbox, not yet at the hub.
      station.store.appendEvent('order.picked', { orderId: order.id, sku, quantity: order.quantity }, 'u-packer');
      const shelf = before - offShelfAtHub - order.quantity;
      const pending = await call<StockCountTarget>('stockCount.open', { code: sku });
      expect(pending.items[0]).toMatchObject({ sku, book: shelf, picking: offShelfAtHub + order.quantity });
      // Applied by the hub and pulled back: the same book, now from the hub's own order state.
      await waitUntil(() => station.store.pendingCount() === 0, 'the pick pushed');
      await waitUntil(() => station.store.cachedOne('order', order.id)?.state === 'picked', 'the picked order pulled');
      expect((await call<StockCountTarget>('stockCount.open', { code: sku })).items[0]).toMatchObject({ book: shelf });
      expect(await balance()).toBe(before);

      // One unit fewer on the shelf than the book: the hub moves the balance by −1, not by the picked units too.
      const counted = await call<StockCountConfirmResult>('stockCount.confirm', {
        branchCode: tokyo,
        sku,
        bin: null,
        counted: shelf - 1,
        reason: 'lost',
        note: null,
        secondBadge: null,
      });
      expect(counted).toMatchObject({ verdict: 'recorded', variance: -1 });
      await waitUntil(() => station.store.pendingCount() === 0, 'the count pushed');
      expect(station.store.recent(10).find((entry) => entry.kind === 'stock.counted')).toMatchObject({ state: 'applied' });
      expect(await balance()).toBe(before - 1);
      await waitUntil(() => station.store.cachedOne('stock', `${sku}@${tokyo}`)?.quantity === before - 1, 'the new balance pulled');
      expect((await call<StockCountTarget>('stockCount.open', { code: sku })).items[0]).toMatchObject({ book: shelf - 1 });
    } finally {
      await station.close();
      await hub.close();
    }
  });
});

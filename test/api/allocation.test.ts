import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/domain/tokyo-time';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, nextNo, orderByNo, qoo10Line, sellerWithSkus, stock, suspend } from '../support/order-fixtures';

const seoul = '0000000082';

describe.each(hubStoreFactories())('order allocation over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let shopCount = 0;

  /** A fresh seller with SKUs linked from one listing as options 'A', 'B', …; each test works on its own seller. */
  const shop = async (optionCount = 2) => {
    const sellerId = `alloc-${++shopCount}`;
    const skus = await sellerWithSkus(hub.hub.store.db, sellerId, optionCount);
    const itemNo = `${shopCount}00000`;
    await listing(hub.hub.store.db, itemNo, sellerId, Object.fromEntries(skus.map((sku, i) => [String.fromCharCode(65 + i), sku])));
    return { sellerId, skus, itemNo, line: (option: string, overrides: Record<string, unknown> = {}) => qoo10Line(sellerId, itemNo, option, overrides) };
  };
  const importLines = async (lines: unknown[], token?: string) => {
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: lines, token });
    expect(response.status).toBe(201);
    return response.body;
  };
  const order = (sellerId: string, orderNo: string) => orderByNo(hub.hub.store.db, sellerId, orderNo);
  const waitingReason = (run: { waitingOrders: { orderNo: string; reason: string }[] }, orderNo: string) =>
    run.waitingOrders.find((w) => w.orderNo === orderNo)?.reason;

  beforeAll(async () => {
    hub = await startTestHub(factory);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('allocates linked, in-stock orders, reserving their units, and tells the branch', async () => {
    const { sellerId, skus, line } = await shop(1);
    await stock(hub.hub.store.db, skus[0]!, 5);
    const [two, three, one] = [line('A', { quantity: 2 }), line('A', { quantity: 3 }), line('A', { quantity: 1 })];
    const run = await importLines([two, three, one]);
    // Nothing has left the shelf yet, but the 5 units are promised to the first two orders.
    expect(run.allocation.allocated).toBe(2);
    expect(waitingReason(run.allocation, one.orderNo)).toBe('out-of-stock');
    const allocated = await order(sellerId, two.orderNo);
    expect(allocated).toMatchObject({ state: 'allocated', branch_code: tokyo });
    expect(allocated.allocated_at).not.toBeNull();
    expect((await hub.hub.store.db.selectFrom('stock_balances').select('quantity').where('sku', '=', skus[0]!).executeTakeFirstOrThrow()).quantity).toBe(5);

    const change = await hub.hub.store.db
      .selectFrom('changes')
      .selectAll()
      .where('entity', '=', 'order')
      .where('entity_id', '=', allocated.id)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ branch_code: tokyo, seller_id: sellerId, op: 'upsert' });
    expect(JSON.parse(change.data)).toMatchObject({ orderNo: two.orderNo, state: 'allocated', branchCode: tokyo, sku: skus[0] });

    // A later run still counts the allocated units as taken: 5 on the shelf, 0 available.
    const again = await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect(again.body).toMatchObject({ allocated: 0, waiting: { 'out-of-stock': 1 } });
    await stock(hub.hub.store.db, skus[0]!, 1);
    const rerun = await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect(rerun.body).toMatchObject({ allocated: 1, waiting: {} });
    expect((await order(sellerId, one.orderNo)).state).toBe('allocated');
  });

  it('never allocates an order whose option is not linked, even with stock', async () => {
    const { sellerId, skus, line } = await shop(1);
    await stock(hub.hub.store.db, skus[0]!, 10);
    const unlinked = line('Z');
    const run = await importLines([unlinked]);
    expect(waitingReason(run.allocation, unlinked.orderNo)).toBe('not-linked');
    expect((await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } })).body.waiting).toEqual({ 'not-linked': 1 });
    const row = await order(sellerId, unlinked.orderNo);
    expect(row).toMatchObject({ state: 'paid', sku: null });
    const byHand = await hub.request('POST', `/api/v1/orders/${row.id}/allocation`, { body: { branchCode: tokyo }, language: 'en' });
    expect(byHand).toMatchObject({ status: 409, body: { error: { code: 'not-linked' } } });
    expect(byHand.body.error.message).toContain(unlinked.orderNo);
  });

  it('ships a cart whole: one line out of stock keeps the other waiting too, until the stock arrives', async () => {
    const { sellerId, skus, line } = await shop(2);
    await stock(hub.hub.store.db, skus[0]!, 10);
    const cartNo = nextNo();
    const [inStock, missing] = [line('A', { cartNo }), line('B', { cartNo })];
    const run = await importLines([inStock, missing]);
    expect(run.allocation.allocated).toBe(0);
    expect(waitingReason(run.allocation, missing.orderNo)).toBe('out-of-stock');
    expect(waitingReason(run.allocation, inStock.orderNo)).toBe('cart-incomplete');
    expect((await order(sellerId, inStock.orderNo)).state).toBe('paid');

    await stock(hub.hub.store.db, skus[1]!, 1);
    expect((await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } })).body.allocated).toBe(2);
    expect((await order(sellerId, inStock.orderNo)).branch_code).toBe(tokyo);
    expect((await order(sellerId, missing.orderNo)).branch_code).toBe(tokyo);
  });

  it('serves 14-day orders after the others when stock is short', async () => {
    const { sellerId, skus, line } = await shop(1);
    await stock(hub.hub.store.db, skus[0]!, 1);
    const yesterday = addDays(tokyoDate(new Date()), -1);
    const fourteenDay = line('A', { shipsWithin14Days: true, paidAt: tokyoInstant(yesterday, 9).toISOString() });
    const normal = line('A', { paidAt: tokyoInstant(yesterday, 10).toISOString() });
    const run = await importLines([fourteenDay, normal]);
    expect((await order(sellerId, normal.orderNo)).state).toBe('allocated');
    expect((await order(sellerId, fourteenDay.orderNo)).state).toBe('paid');
    expect(waitingReason(run.allocation, fourteenDay.orderNo)).toBe('out-of-stock');
  });

  it('holds the orders of a suspended seller, automatically and by hand', async () => {
    const { sellerId, skus, line } = await shop(1);
    await stock(hub.hub.store.db, skus[0]!, 10);
    await suspend(hub.hub.store.db, sellerId);
    const held = line('A');
    const run = await importLines([held]);
    expect(run.allocation).toMatchObject({ allocated: 0, waiting: { 'seller-suspended': 1 } });
    const row = await order(sellerId, held.orderNo);
    const byHand = await hub.request('POST', `/api/v1/orders/${row.id}/allocation`, { body: { branchCode: tokyo } });
    expect(byHand).toMatchObject({ status: 409, body: { error: { code: 'seller-suspended' } } });
    expect((await order(sellerId, held.orderNo)).state).toBe('paid');
  });

  it('un-allocates by hand (the whole cart), keeps it out of the automatic run, and allocates it back by hand', async () => {
    const { sellerId, skus, line } = await shop(2);
    await stock(hub.hub.store.db, skus[0]!, 5);
    await stock(hub.hub.store.db, skus[1]!, 5);
    const cartNo = nextNo();
    const [first, second] = [line('A', { cartNo }), line('B', { cartNo })];
    await importLines([first, second]);
    const firstRow = await order(sellerId, first.orderNo);
    expect(firstRow.state).toBe('allocated');

    const released = await hub.request('DELETE', `/api/v1/orders/${firstRow.id}/allocation`);
    expect(released.status).toBe(200);
    expect(released.body.orders.map((o: { orderNo: string; state: string; branchCode: string | null }) => [o.orderNo, o.state, o.branchCode]).sort()).toEqual(
      [
        [first.orderNo, 'held', null],
        [second.orderNo, 'held', null],
      ].sort(),
    );
    const told = await hub.hub.store.db.selectFrom('changes').selectAll().where('entity_id', '=', firstRow.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(told.branch_code).toBe(tokyo);
    expect(JSON.parse(told.data)).toMatchObject({ state: 'held', branchCode: null });

    await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect((await order(sellerId, first.orderNo)).state).toBe('held');
    expect((await hub.request('DELETE', `/api/v1/orders/${firstRow.id}/allocation`)).body.error.code).toBe('not-allocated');

    expect((await hub.request('POST', `/api/v1/orders/${firstRow.id}/allocation`, { body: { branchCode: seoul } })).body.error.code).toBe('out-of-stock');
    expect((await hub.request('POST', `/api/v1/orders/${firstRow.id}/allocation`, { body: { branchCode: '0000000001' } })).status).toBe(404);
    const back = await hub.request('POST', `/api/v1/orders/${firstRow.id}/allocation`, { body: { branchCode: tokyo } });
    expect(back.status).toBe(200);
    expect(back.body.orders).toHaveLength(2);
    expect(await order(sellerId, second.orderNo)).toMatchObject({ state: 'allocated', branch_code: tokyo });
    expect((await hub.request('POST', `/api/v1/orders/${firstRow.id}/allocation`, { body: { branchCode: tokyo } })).body.error.code).toBe('already-allocated');
  });

  it('never promises the same units twice, even to allocations made at the same moment', async () => {
    const { sellerId, skus, line } = await shop(1);
    const lines = Array.from({ length: 6 }, () => line('A'));
    await importLines(lines); // no stock yet: all six wait
    await stock(hub.hub.store.db, skus[0]!, 3);
    const ids = await Promise.all(lines.map(async (l) => (await order(sellerId, l.orderNo)).id));
    const responses = await Promise.all([
      ...ids.map((id) => hub.request('POST', `/api/v1/orders/${id}/allocation`, { body: { branchCode: tokyo } })),
      hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } }),
    ]);
    const byHand = responses.slice(0, 6);
    const run = responses[6]!;
    expect(byHand.every((r) => r.status === 200 || (r.status === 409 && ['out-of-stock', 'already-allocated'].includes(r.body.error.code)))).toBe(true);
    expect(run.status).toBe(200);
    const allocated = await hub.hub.store.db.selectFrom('orders').select('id').where('seller_id', '=', sellerId).where('state', '=', 'allocated').execute();
    expect(allocated).toHaveLength(3);
  });

  it('refuses to un-allocate once the order is past packing', async () => {
    const { sellerId, skus, line } = await shop(1);
    await stock(hub.hub.store.db, skus[0]!, 5);
    const shipped = line('A');
    await importLines([shipped]);
    const row = await order(sellerId, shipped.orderNo);
    await hub.hub.store.db.updateTable('orders').set({ state: 'in_transit' }).where('id', '=', row.id).execute();
    const response = await hub.request('DELETE', `/api/v1/orders/${row.id}/allocation`);
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'too-late-to-unallocate' } } });
    expect((await order(sellerId, shipped.orderNo)).branch_code).toBe(tokyo);
  });

  it("keeps sellers apart: seller B can neither see nor (un)allocate seller A's orders", async () => {
    const a = await shop(1);
    const b = await shop(1);
    await stock(hub.hub.store.db, a.skus[0]!, 5);
    const tokenA = await hub.tokenFor('seller', a.sellerId);
    const tokenB = await hub.tokenFor('seller', b.sellerId);
    const ofA = a.line('A');
    await importLines([ofA], tokenA);
    const row = await order(a.sellerId, ofA.orderNo);

    expect((await hub.request('GET', `/api/v1/orders/${row.id}`, { token: tokenB })).status).toBe(404);
    expect((await hub.request('DELETE', `/api/v1/orders/${row.id}/allocation`, { token: tokenB })).status).toBe(404);
    expect((await hub.request('POST', `/api/v1/orders/${row.id}/allocation`, { token: tokenB, body: { branchCode: tokyo } })).status).toBe(404);
    expect((await order(a.sellerId, ofA.orderNo)).state).toBe('allocated');
    expect((await hub.request('POST', '/api/v1/allocations/run', { token: tokenB, body: { sellerId: a.sellerId } })).status).toBe(403);

    expect((await hub.request('DELETE', `/api/v1/orders/${row.id}/allocation`, { token: tokenA })).status).toBe(200);
    expect((await hub.request('POST', `/api/v1/orders/${row.id}/allocation`, { token: tokenA, body: { branchCode: tokyo } })).status).toBe(200);
    const supervisor = await hub.tokenFor('supervisor');
    expect((await hub.request('DELETE', `/api/v1/orders/${row.id}/allocation`, { token: supervisor })).status).toBe(200);
  });
});

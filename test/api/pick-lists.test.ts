import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, tokyoDate } from '../../shared/domain/tokyo-time';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, nextNo, orderByNo, qoo10Line, sellerWithSkus, stock, suspend } from '../support/order-fixtures';

interface PickListView {
  id: string;
  branchCode: string;
  createdAt: string;
  createdBy: string | null;
  orderIds: string[];
  lines: { sku: string; bin: string | null; quantity: number; orderIds: string[] }[];
}
interface Held {
  orderId: string;
  orderNo: string;
  sellerId: string;
  reason: string;
  dueShipDate: string;
}

describe.each(hubStoreFactories())('pick lists on $dialect', (factory) => {
  let hub: TestHub;
  let packer: string;
  let shopCount = 0;
  const db = () => hub.hub.store.db;

  beforeAll(async () => {
    hub = await startTestHub(factory);
    packer = await hub.tokenFor('packer');
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  /** A seller with three SKUs in stock, shelved in bins out of SKU order, listed under one Qoo10 listing. */
  async function shop() {
    const sellerId = `pick-shop-${++shopCount}`;
    const skus = await sellerWithSkus(db(), sellerId, 3);
    const itemNo = `13${String(shopCount).padStart(8, '0')}`;
    await listing(db(), itemNo, sellerId, { S: skus[0]!, M: skus[1]!, L: skus[2]! });
    for (const sku of skus) await stock(db(), sku, 20);
    const bins = ['C-01-01-01', 'A-02-03-01', null];
    for (const [i, sku] of skus.entries()) {
      const bin = bins[i];
      if (bin)
        await db().insertInto('sku_locations').values({ branch_code: tokyo, sku, bin, updated_at: new Date().toISOString(), updated_by: null }).execute();
    }
    const order = async (label: string, overrides: Record<string, unknown> = {}) => {
      const line = qoo10Line(sellerId, itemNo, label, overrides);
      const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [line] });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return orderByNo(db(), sellerId, line.orderNo);
    };
    return { sellerId, skus, itemNo, order };
  }

  const make = async (body: Record<string, unknown> = {}, token = packer) => {
    const response = await hub.request<{ lists: PickListView[]; held: Held[] }>('POST', '/api/v1/pick-lists', { token, body: { branchCode: tokyo, ...body } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const listOf = (lists: PickListView[], orderId: string) => lists.filter((list) => list.orderIds.includes(orderId));

  it('lists the allocated orders due today, in bin order, and holds the others with their reasons', async () => {
    const { sellerId, skus, order } = await shop();
    const due = await order('M', { quantity: 2 });
    const alsoDue = await order('S');
    const noBin = await order('L');
    const later = await order('S', { paidAt: new Date().toISOString(), desiredShipDate: addDays(tokyoDate(new Date()), 3) });
    for (const row of [due, alsoDue, noBin, later]) expect(row.state).toBe('allocated');

    const run = await make({ ordersPerList: 200 });
    const [list] = listOf(run.lists, due.id);
    expect(list).toBeDefined();
    expect(list!.orderIds).toEqual(expect.arrayContaining([due.id, alsoDue.id, noBin.id]));
    expect(run.lists.flatMap((l) => l.orderIds)).not.toContain(later.id);
    expect(run.held).toContainEqual({
      orderId: later.id,
      orderNo: later.order_no,
      sellerId,
      reason: 'not-due',
      dueShipDate: addDays(tokyoDate(new Date()), 3),
    });

    // This seller's lines: by bin (A… before C…), the SKU without a bin last.
    const mine = list!.lines.filter((line) => skus.includes(line.sku));
    expect(mine).toEqual([
      { sku: skus[1], bin: 'A-02-03-01', quantity: 2, orderIds: [due.id] },
      { sku: skus[0], bin: 'C-01-01-01', quantity: 1, orderIds: [alsoDue.id] },
      { sku: skus[2], bin: null, quantity: 1, orderIds: [noBin.id] },
    ]);
    expect(list!.id).toMatch(/^PL\d{8}$/);

    // The branch's stations hear of the list on the changes feed.
    const station = await hub.request('GET', `/api/v1/changes?since=0&limit=5000`);
    const change = station.body.changes.find((c: { entity: string; entityId: string }) => c.entity === 'pick-list' && c.entityId === list!.id);
    expect(change).toMatchObject({
      branchCode: tokyo,
      sellerId: null,
      data: { id: list!.id, branchCode: tokyo, orderIds: list!.orderIds, lines: list!.lines },
    });
  });

  it('holds a cart with a line not allocated yet, and a suspended seller’s orders', async () => {
    const a = await shop();
    const cartNo = nextNo();
    const first = await a.order('S', { cartNo });
    // A second line of the same cart arrives later, for a SKU out of stock: the cart waits for it.
    await db().updateTable('stock_balances').set({ quantity: 0 }).where('sku', '=', a.skus[2]!).execute();
    const second = await a.order('L', { cartNo });
    expect(second.state).toBe('paid');

    const b = await shop();
    const suspended = await b.order('S');
    await suspend(db(), b.sellerId);

    const run = await make();
    const listed = run.lists.flatMap((list) => list.orderIds);
    expect(listed).not.toContain(first.id);
    expect(listed).not.toContain(suspended.id);
    expect(run.held).toContainEqual(expect.objectContaining({ orderId: first.id, reason: 'cart-incomplete' }));
    expect(run.held).toContainEqual(expect.objectContaining({ orderId: suspended.id, reason: 'seller-suspended' }));
    expect(run.held.map((held) => held.orderId)).not.toContain(second.id);
  });

  it('never puts an order on two lists: a second run lists only what is new', async () => {
    const { order } = await shop();
    const before = await order('S');
    const firstRun = await make();
    expect(firstRun.lists.flatMap((list) => list.orderIds)).toContain(before.id);

    const after = await order('M');
    const secondRun = await make();
    expect(secondRun.lists.flatMap((list) => list.orderIds)).toEqual([after.id]);
    expect((await make()).lists).toEqual([]);

    const rows = await db().selectFrom('pick_list_orders').select(['order_id']).execute();
    expect(new Set(rows.map((row) => row.order_id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.order_id === before.id)).toHaveLength(1);
  });

  it('batches carts without splitting them', async () => {
    const { order } = await shop();
    await make(); // whatever earlier tests left due is listed now
    const cartNo = nextNo();
    const cart = [await order('S', { cartNo }), await order('M', { cartNo }), await order('L', { cartNo })];
    const single = await order('S');
    const run = await make({ ordersPerList: 2 });
    expect(run.lists.map((list) => list.orderIds)).toEqual([cart.map((row) => row.id), [single.id]]);
  });

  it('shows the day’s lists; a seller sees only its own orders on them; a station only its branch', async () => {
    const a = await shop();
    const b = await shop();
    const orderA = await a.order('S');
    const orderB = await b.order('M');
    const run = await make({ ordersPerList: 200 });
    const list = listOf(run.lists, orderA.id)[0]!;
    expect(list.orderIds).toContain(orderB.id);

    const all = await hub.request<{ lists: PickListView[] }>('GET', `/api/v1/pick-lists?branchCode=${tokyo}`, { token: packer });
    expect(all.status).toBe(200);
    expect(all.body.lists.find((l) => l.id === list.id)).toEqual(list);
    const yesterday = await hub.request<{ lists: PickListView[] }>('GET', `/api/v1/pick-lists?branchCode=${tokyo}&date=${addDays(tokyoDate(new Date()), -1)}`, {
      token: packer,
    });
    expect(yesterday.body.lists).toEqual([]);

    const sellerA = await hub.tokenFor('seller', a.sellerId);
    const seen = await hub.request<{ lists: PickListView[] }>('GET', `/api/v1/pick-lists?branchCode=${tokyo}`, { token: sellerA });
    expect(seen.status).toBe(200);
    const aOrders = new Set((await db().selectFrom('orders').select('id').where('seller_id', '=', a.sellerId).execute()).map((row) => row.id));
    expect(seen.body.lists.length).toBeGreaterThan(0);
    for (const l of seen.body.lists) {
      expect(l.orderIds.every((id) => aOrders.has(id))).toBe(true);
      expect(l.lines.every((line) => a.skus.includes(line.sku) && line.orderIds.every((id) => aOrders.has(id)))).toBe(true);
    }
    expect(seen.body.lists.flatMap((l) => l.orderIds)).toContain(orderA.id);

    // Sellers cannot make lists; a station may not read another branch's.
    expect((await hub.request('POST', '/api/v1/pick-lists', { token: sellerA, body: { branchCode: tokyo } })).status).toBe(403);
    expect((await hub.request('POST', '/api/v1/pick-lists', { token: packer, body: { branchCode: '0000000001' } })).status).toBe(404);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPickLists, type PickOrder, type PickPlanInput } from '../../../shared/domain/pick-lists';
import { tokyoInstant } from '../../../shared/domain/tokyo-time';

const here = '0000011520';
const elsewhere = '0000099999';
const skuA = '300001289771-00001';
const skuB = '300001289771-00002';
const skuC = '300001289771-00003';
const bins: Record<string, string> = { [skuA]: 'B-01-01-01', [skuB]: 'A-02-01-01' }; // skuC has no bin

let next = 1;
type Fields = Omit<PickOrder, 'paidAt' | 'registeredAt'>;
function fields(overrides: Partial<Fields>): Fields {
  const n = next++;
  return {
    id: `o-${n}`,
    orderNo: String(1000 + n),
    sellerId: 'shop',
    sku: skuA,
    quantity: 1,
    state: 'allocated',
    branchCode: here,
    shipsWithin14Days: false,
    ...overrides,
  };
}
/** A Qoo10 order paid at 10:00 JST on 5 Nov unless told otherwise. */
function qoo10(overrides: Partial<Fields> & { paidAt?: Date | string; desiredShipDate?: string } = {}): PickOrder {
  const { paidAt = tokyoInstant('2024-11-05', 10), desiredShipDate, ...rest } = overrides;
  return { ...fields(rest), paidAt, desiredShipDate };
}
function management(overrides: Partial<Fields> & { registeredAt: Date | string; desiredShipDate?: string }): PickOrder {
  const { registeredAt, desiredShipDate, ...rest } = overrides;
  return { ...fields(rest), registeredAt, desiredShipDate };
}

const noon5th = tokyoInstant('2024-11-05', 17); // picking run on 5 Nov, after both cut-offs
function plan(orders: PickOrder[], extra: Partial<PickPlanInput> = {}) {
  return planPickLists({ branchCode: here, orders, suspendedSellers: new Set(), binOf: (sku) => bins[sku], now: noon5th, ...extra });
}
const listed = (result: ReturnType<typeof plan>) => result.lists.flatMap((list) => list.orderIds);
const heldBy = (result: ReturnType<typeof plan>) => Object.fromEntries(result.held.map((held) => [held.orderId, held.reason]));

describe('pick lists: what is due today', () => {
  it('takes Qoo10 orders paid by 16:00 JST today, not one paid at 16:00', () => {
    const before = qoo10({ paidAt: tokyoInstant('2024-11-05', 15, 59, 59, 999) });
    const at = qoo10({ paidAt: tokyoInstant('2024-11-05', 16) });
    const result = plan([before, at]);
    expect(listed(result)).toEqual([before.id]);
    expect(result.held).toEqual([{ orderId: at.id, orderNo: at.orderNo, sellerId: 'shop', reason: 'not-due', dueShipDate: '2024-11-06' }]);
  });

  it('takes management-no. orders registered by 13:00 JST today, not one registered at 13:00', () => {
    const before = management({ registeredAt: tokyoInstant('2024-11-05', 12, 59) });
    const at = management({ registeredAt: tokyoInstant('2024-11-05', 13) });
    const result = plan([at, before]);
    expect(listed(result)).toEqual([before.id]);
    expect(heldBy(result)).toEqual({ [at.id]: 'not-due' });
  });

  it('takes overdue orders (first), yesterday’s late ones, and a scheduled date only on its day', () => {
    const overdue = qoo10({ paidAt: tokyoInstant('2024-11-03', 9) });
    const lateYesterday = qoo10({ paidAt: tokyoInstant('2024-11-04', 18) });
    const scheduledToday = qoo10({ paidAt: tokyoInstant('2024-11-01', 9), desiredShipDate: '2024-11-05' });
    const scheduledLater = qoo10({ paidAt: tokyoInstant('2024-11-01', 9), desiredShipDate: '2024-11-08' });
    const result = plan([scheduledLater, lateYesterday, scheduledToday, overdue]);
    // Both due today: the earlier payment first.
    expect(listed(result)).toEqual([overdue.id, scheduledToday.id, lateYesterday.id]);
    expect(result.held).toEqual([expect.objectContaining({ orderId: scheduledLater.id, reason: 'not-due', dueShipDate: '2024-11-08' })]);
  });

  it('leaves out orders of other branches, not yet allocated, already picked, or already on a list', () => {
    const result = plan([
      qoo10({ branchCode: elsewhere }),
      qoo10({ state: 'paid', branchCode: null }),
      qoo10({ state: 'picked' }),
      qoo10({ onPickList: true }),
    ]);
    expect(result).toEqual({ lists: [], held: [] });
  });
});

describe('pick lists: carts, sellers, priority', () => {
  it('picks a cart only when every line is allocated here, and all of it together', () => {
    const complete = [qoo10({ cartNo: '1', sku: skuA }), qoo10({ cartNo: '1', sku: skuB })];
    const waiting = [qoo10({ cartNo: '2', sku: skuA }), qoo10({ cartNo: '2', sku: skuB, state: 'paid', branchCode: null })];
    const split = [qoo10({ cartNo: '3', sku: skuA }), qoo10({ cartNo: '3', sku: skuB, branchCode: elsewhere })];
    const partlyPicked = [qoo10({ cartNo: '4', sku: skuA }), qoo10({ cartNo: '4', sku: skuB, state: 'picked' })];
    const result = plan([...complete, ...waiting, ...split, ...partlyPicked], { ordersPerList: 1 });
    expect(result.lists.map((list) => list.orderIds)).toEqual([complete.map((o) => o.id), [partlyPicked[0]!.id]]);
    expect(heldBy(result)).toEqual({ [waiting[0]!.id]: 'cart-incomplete', [split[0]!.id]: 'cart-incomplete' });
  });

  it('waits with a cart until its last line is due', () => {
    const cart = [qoo10({ cartNo: '9' }), qoo10({ cartNo: '9', sku: skuB, desiredShipDate: '2024-11-07' })];
    expect(heldBy(plan(cart))).toEqual({ [cart[0]!.id]: 'not-due', [cart[1]!.id]: 'not-due' });
  });

  it('holds a suspended seller’s orders', () => {
    const suspended = qoo10({ sellerId: 'late-payer' });
    const fine = qoo10();
    const result = plan([suspended, fine], { suspendedSellers: new Set(['late-payer']) });
    expect(listed(result)).toEqual([fine.id]);
    expect(heldBy(result)).toEqual({ [suspended.id]: 'seller-suspended' });
  });

  it('lists 14-day orders after the others, then by paid time', () => {
    const fourteen = qoo10({ paidAt: tokyoInstant('2024-11-05', 8), shipsWithin14Days: true });
    const late = qoo10({ paidAt: tokyoInstant('2024-11-05', 11) });
    const early = qoo10({ paidAt: tokyoInstant('2024-11-05', 9) });
    const overdueFourteen = qoo10({ paidAt: tokyoInstant('2024-11-04', 9), shipsWithin14Days: true });
    expect(listed(plan([fourteen, late, early, overdueFourteen]))).toEqual([overdueFourteen.id, early.id, late.id, fourteen.id]);
  });
});

describe('pick lists: batches and the walk', () => {
  it('fills lists up to the size without splitting a cart', () => {
    const single = (hour: number) => qoo10({ paidAt: tokyoInstant('2024-11-05', hour) });
    const a = single(8);
    const cart = [qoo10({ cartNo: '5', paidAt: tokyoInstant('2024-11-05', 9) }), qoo10({ cartNo: '5', sku: skuB, paidAt: tokyoInstant('2024-11-05', 9) })];
    const b = single(10);
    const c = single(11);
    const result = plan([c, b, ...cart, a], { ordersPerList: 2 });
    expect(result.lists.map((list) => list.orderIds)).toEqual([[a.id], cart.map((o) => o.id), [b.id, c.id]]);
  });

  it('gives a cart bigger than a list a list of its own', () => {
    const cart = [1, 2, 3].map(() => qoo10({ cartNo: '6' }));
    expect(plan(cart, { ordersPerList: 2 }).lists.map((list) => list.orderIds)).toEqual([cart.map((o) => o.id)]);
  });

  it('sums units per SKU and bin, in walking order, a SKU without a bin last', () => {
    const orders = [qoo10({ sku: skuC, quantity: 1 }), qoo10({ sku: skuA, quantity: 2 }), qoo10({ sku: skuB, quantity: 1 }), qoo10({ sku: skuA, quantity: 3 })];
    const [list] = plan(orders).lists;
    expect(list!.lines).toEqual([
      { sku: skuB, bin: 'A-02-01-01', quantity: 1, orderIds: [orders[2]!.id] },
      { sku: skuA, bin: 'B-01-01-01', quantity: 5, orderIds: [orders[1]!.id, orders[3]!.id] },
      { sku: skuC, bin: null, quantity: 1, orderIds: [orders[0]!.id] },
    ]);
  });
});

describe('pick lists: property', () => {
  const orderArb = fc.record({
    cart: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    seller: fc.constantFrom('s1', 's2'),
    sku: fc.constantFrom(skuA, skuB, skuC),
    quantity: fc.integer({ min: 1, max: 5 }),
    state: fc.constantFrom('allocated', 'allocated', 'allocated', 'paid', 'picked'),
    elsewhere: fc.boolean(),
    hoursAgo: fc.integer({ min: 0, max: 72 }),
    fourteen: fc.boolean(),
    management: fc.boolean(),
    onList: fc.boolean(),
  });

  it('lists every due, pickable order exactly once; the lines carry exactly the orders’ units', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (specs, perList, suspendS2) => {
        const now = tokyoInstant('2024-11-05', 14, 30);
        const orders = specs.map((spec, i): PickOrder => {
          const at = new Date(now.getTime() - spec.hoursAgo * 3600_000);
          const base: Fields = {
            id: `p-${i}`,
            orderNo: String(5000 + i),
            sellerId: spec.seller,
            cartNo: spec.cart === null ? null : String(spec.cart),
            sku: spec.sku,
            quantity: spec.quantity,
            state: spec.state,
            branchCode: spec.state === 'paid' ? null : spec.elsewhere ? elsewhere : here,
            shipsWithin14Days: spec.fourteen,
            onPickList: spec.onList,
          };
          return spec.management ? { ...base, registeredAt: at } : { ...base, paidAt: at };
        });
        const suspended = new Set(suspendS2 ? ['s2'] : []);
        const result = plan(orders, { ordersPerList: perList, now, suspendedSellers: suspended });

        const ids = listed(result);
        expect(new Set(ids).size).toBe(ids.length);
        const heldIds = result.held.map((held) => held.orderId);
        const candidates = orders.filter((o) => o.state === 'allocated' && o.branchCode === here && !o.onPickList);
        // Every candidate is either listed or held, never both, and nothing else appears.
        expect([...ids, ...heldIds].sort()).toEqual(candidates.map((o) => o.id).sort());
        const byId = new Map(orders.map((o) => [o.id, o]));
        for (const list of result.lists) {
          const units = list.orderIds.reduce((sum, id) => sum + byId.get(id)!.quantity, 0);
          expect(list.lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(units);
          for (const line of list.lines) {
            expect(line.quantity).toBe(line.orderIds.reduce((sum, id) => sum + byId.get(id)!.quantity, 0));
            expect(line.orderIds.every((id) => byId.get(id)!.sku === line.sku)).toBe(true);
          }
          // A list may exceed its size only by being one cart.
          if (list.orderIds.length > perList) expect(new Set(list.orderIds.map((id) => `${byId.get(id)!.sellerId}/${byId.get(id)!.cartNo}`)).size).toBe(1);
          for (const id of list.orderIds) expect(suspended.has(byId.get(id)!.sellerId)).toBe(false);
        }
        // A cart is on one list only.
        const listOfCart = new Map<string, number>();
        result.lists.forEach((list, index) => {
          for (const id of list.orderIds) {
            const order = byId.get(id)!;
            if (!order.cartNo) continue;
            const key = `${order.sellerId}/${order.cartNo}`;
            expect(listOfCart.get(key) ?? index).toBe(index);
            listOfCart.set(key, index);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

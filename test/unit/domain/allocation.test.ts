import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAllocation, type AllocationOrder, type AvailableStock, type HoldReason } from '../../../shared/domain/allocation';

const branch = { japan: '0000011520', second: '0000099999' } as const;

const skuA = '300001289771-00001';
const skuB = '300001289771-00002';
const skuC = '300001289771-00003';

let nextOrderNo = 1000;
type LineFields = Omit<AllocationOrder, 'paidAt' | 'registeredAt'>;
function lineFields(overrides: Partial<LineFields>): LineFields {
  return {
    orderNo: String(nextOrderNo++),
    sellerId: 'shop',
    sku: skuA,
    quantity: 1,
    shipsWithin14Days: false,
    sellerSuspended: false,
    ...overrides,
  };
}

/** A Qoo10 order line, paid at 10:00 JST on 5 Nov unless told otherwise. */
function order(overrides: Partial<LineFields> & { paidAt?: string; desiredShipDate?: string } = {}): AllocationOrder {
  const { paidAt = '2024-11-05T10:00:00+09:00', desiredShipDate, ...fields } = overrides;
  return { ...lineFields(fields), paidAt, desiredShipDate };
}

/** An other-platform (management no.) line. */
function otherPlatformOrder(overrides: Partial<LineFields> & { registeredAt?: string } = {}): AllocationOrder {
  const { registeredAt = '2024-11-05T10:00:00+09:00', ...fields } = overrides;
  return { ...lineFields(fields), registeredAt };
}

const linkedAll = new Map([
  [skuA, 1],
  [skuB, 1],
  [skuC, 1],
]);

function stock(...rows: [string, string, number][]): AvailableStock[] {
  return rows.map(([branchCode, sku, available]) => ({ branchCode, sku, available }));
}

function outcome(plan: ReturnType<typeof planAllocation>) {
  const byOrder = new Map<string, string>();
  for (const line of plan.allocated) byOrder.set(line.orderNo, `allocated:${line.branchCode}`);
  for (const line of plan.held) byOrder.set(line.orderNo, line.reason);
  return byOrder;
}

describe('planAllocation rules', () => {
  it('allocates a linked order with stock to the branch, consuming stock so the next one is out-of-stock', () => {
    const first = order({ quantity: 3, paidAt: '2024-11-05T09:00:00+09:00' });
    const second = order({ quantity: 1, paidAt: '2024-11-05T09:30:00+09:00' });
    const plan = planAllocation({ orders: [second, first], stock: stock([branch.japan, skuA, 3]), linkedProductCounts: linkedAll });
    expect(plan.allocated).toEqual([{ orderNo: first.orderNo, branchCode: branch.japan }]);
    expect(plan.held).toEqual([{ orderNo: second.orderNo, reason: 'out-of-stock' }]);
  });

  it('holds a Qoo10 order whose SKU has 0 linked products (or none listed) as not-linked, even with stock', () => {
    const zero = order({ sku: skuA });
    const missing = order({ sku: skuB });
    const plan = planAllocation({
      orders: [zero, missing],
      stock: stock([branch.japan, skuA, 10], [branch.japan, skuB, 10]),
      linkedProductCounts: new Map([[skuA, 0]]),
    });
    expect(outcome(plan)).toEqual(
      new Map([
        [zero.orderNo, 'not-linked'],
        [missing.orderNo, 'not-linked'],
      ]),
    );
  });

  it('does not ask for listing links on other-platform (management no.) orders, which name their SKU directly', () => {
    const other = otherPlatformOrder();
    const plan = planAllocation({ orders: [other], stock: stock([branch.japan, skuA, 1]), linkedProductCounts: new Map() });
    expect(plan.allocated).toEqual([{ orderNo: other.orderNo, branchCode: branch.japan }]);
  });

  it('ships a cart whole or not at all: the line without stock is out-of-stock, its sibling cart-incomplete, stock untouched', () => {
    const inStock = order({ cartNo: '77', sku: skuA, paidAt: '2024-11-05T08:00:00+09:00' });
    const missing = order({ cartNo: '77', sku: skuB, paidAt: '2024-11-05T08:00:00+09:00' });
    const later = order({ sku: skuA, paidAt: '2024-11-05T11:00:00+09:00' });
    const plan = planAllocation({
      orders: [inStock, missing, later],
      stock: stock([branch.japan, skuA, 1]),
      linkedProductCounts: linkedAll,
    });
    expect(outcome(plan)).toEqual(
      new Map([
        [inStock.orderNo, 'cart-incomplete'],
        [missing.orderNo, 'out-of-stock'],
        [later.orderNo, `allocated:${branch.japan}`],
      ]),
    );
  });

  it('sums a cart’s demand per SKU: two lines of 2 need 4 units, and 3 are not enough', () => {
    const a = order({ cartNo: '5', quantity: 2 });
    const b = order({ cartNo: '5', quantity: 2 });
    const plan = planAllocation({ orders: [a, b], stock: stock([branch.japan, skuA, 3]), linkedProductCounts: linkedAll });
    expect(plan.allocated).toEqual([]);
    expect(new Set(plan.held.map((h) => h.reason))).toEqual(new Set(['out-of-stock']));
  });

  it('treats a cart with a not-linked line as cart-incomplete for its other lines', () => {
    const linked = order({ cartNo: '9', sku: skuA });
    const unlinked = order({ cartNo: '9', sku: skuB });
    const plan = planAllocation({
      orders: [linked, unlinked],
      stock: stock([branch.japan, skuA, 5], [branch.japan, skuB, 5]),
      linkedProductCounts: new Map([[skuA, 1]]),
    });
    expect(outcome(plan)).toEqual(
      new Map([
        [linked.orderNo, 'cart-incomplete'],
        [unlinked.orderNo, 'not-linked'],
      ]),
    );
  });

  it('keys carts by seller too: the same cart no. at two sellers is two carts', () => {
    const mine = order({ sellerId: 'shop-a', cartNo: '1', sku: skuA });
    const theirs = order({ sellerId: 'shop-b', cartNo: '1', sku: skuB });
    const plan = planAllocation({ orders: [mine, theirs], stock: stock([branch.japan, skuA, 1]), linkedProductCounts: linkedAll });
    expect(outcome(plan)).toEqual(
      new Map([
        [mine.orderNo, `allocated:${branch.japan}`],
        [theirs.orderNo, 'out-of-stock'],
      ]),
    );
  });

  it('holds every open line of a suspended seller as seller-suspended', () => {
    const a = order({ cartNo: '3', sellerSuspended: true });
    const b = order({ cartNo: '3', sku: skuB });
    const plan = planAllocation({
      orders: [a, b],
      stock: stock([branch.japan, skuA, 5], [branch.japan, skuB, 5]),
      linkedProductCounts: linkedAll,
    });
    expect(outcome(plan)).toEqual(
      new Map([
        [a.orderNo, 'seller-suspended'],
        [b.orderNo, 'seller-suspended'],
      ]),
    );
  });

  it('reports already-allocated lines without taking stock again, and puts the rest of their cart on the same branch', () => {
    const done = order({ cartNo: '4', sku: skuA, allocatedBranch: branch.second });
    const rest = order({ cartNo: '4', sku: skuB });
    const plan = planAllocation({
      orders: [done, rest],
      stock: stock([branch.japan, skuA, 1], [branch.japan, skuB, 5], [branch.second, skuB, 1]),
      linkedProductCounts: linkedAll,
    });
    expect(outcome(plan)).toEqual(
      new Map([
        [done.orderNo, 'already-allocated'],
        [rest.orderNo, `allocated:${branch.second}`],
      ]),
    );
  });

  it('puts the rest of a cart split by hand across two branches on one of them, in preference order', () => {
    const atSecond = order({ cartNo: '11', sku: skuA, allocatedBranch: branch.second });
    const atJapan = order({ cartNo: '11', sku: skuA, allocatedBranch: branch.japan });
    const rest = order({ cartNo: '11', sku: skuB });
    const rows = stock([branch.japan, skuB, 1], [branch.second, skuB, 1]);
    const plan = planAllocation({ orders: [atSecond, atJapan, rest], stock: rows, linkedProductCounts: linkedAll });
    expect(plan.allocated).toEqual([{ orderNo: rest.orderNo, branchCode: branch.japan }]);
  });

  it('prefers branches in the given order and falls back to the next one that can ship the whole cart', () => {
    const a = order({ cartNo: '8', sku: skuA });
    const b = order({ cartNo: '8', sku: skuB });
    const rows = stock([branch.japan, skuA, 5], [branch.second, skuA, 5], [branch.second, skuB, 5]);
    const plan = planAllocation({ orders: [a, b], stock: rows, linkedProductCounts: linkedAll, branchPreference: [branch.japan, branch.second] });
    expect(plan.allocated).toEqual([
      { orderNo: a.orderNo, branchCode: branch.second },
      { orderNo: b.orderNo, branchCode: branch.second },
    ]);
  });

  it('never splits a cart across branches: A only at one, B only at the other → cart-incomplete', () => {
    const a = order({ cartNo: '6', sku: skuA });
    const b = order({ cartNo: '6', sku: skuB });
    const plan = planAllocation({
      orders: [a, b],
      stock: stock([branch.japan, skuA, 5], [branch.second, skuB, 5]),
      linkedProductCounts: linkedAll,
    });
    expect(plan.allocated).toEqual([]);
    expect(plan.held.map((h) => h.reason)).toEqual(['cart-incomplete', 'cart-incomplete']);
  });
});

describe('planAllocation priority (one unit of stock, who gets it)', () => {
  const winner = (...orders: AllocationOrder[]) =>
    planAllocation({ orders, stock: stock([branch.japan, skuA, 1]), linkedProductCounts: linkedAll }).allocated.map((a) => a.orderNo);

  it('due day first: paid earlier but scheduled for later loses to paid later and due today', () => {
    const scheduled = order({ paidAt: '2024-11-05T08:00:00+09:00', desiredShipDate: '2024-11-08' });
    const dueToday = order({ paidAt: '2024-11-05T12:00:00+09:00' });
    expect(winner(scheduled, dueToday)).toEqual([dueToday.orderNo]);
  });

  it('due day by cut-off: paid 16:00 yesterday beats nothing; paid 15:59 today beats paid 16:00 yesterday only if due sooner', () => {
    const yesterdayAfterCutoff = order({ paidAt: '2024-11-04T16:00:00+09:00' }); // due 5 Nov
    const todayBeforeCutoff = order({ paidAt: '2024-11-05T15:59:00+09:00' }); // due 5 Nov, paid later
    const todayAfterCutoff = order({ paidAt: '2024-11-05T16:00:00+09:00' }); // due 6 Nov
    expect(winner(todayAfterCutoff, todayBeforeCutoff)).toEqual([todayBeforeCutoff.orderNo]);
    expect(winner(todayBeforeCutoff, yesterdayAfterCutoff)).toEqual([yesterdayAfterCutoff.orderNo]);
  });

  it('then normal before 14-day orders, even when the 14-day one was paid first', () => {
    const fourteenDay = order({ paidAt: '2024-11-05T08:00:00+09:00', shipsWithin14Days: true });
    const normal = order({ paidAt: '2024-11-05T09:00:00+09:00' });
    expect(winner(fourteenDay, normal)).toEqual([normal.orderNo]);
  });

  it('then paid time, then order no. compared as a number (999 before 1000)', () => {
    const early = order({ paidAt: '2024-11-05T08:00:00+09:00' });
    const late = order({ paidAt: '2024-11-05T08:00:01+09:00' });
    expect(winner(late, early)).toEqual([early.orderNo]);
    const n1000 = order({ orderNo: '1000' });
    const n999 = order({ orderNo: '999' });
    expect(winner(n1000, n999)).toEqual(['999']);
  });

  it('lists allocations in priority order', () => {
    const orders = [3, 1, 2].map((h) => order({ paidAt: `2024-11-05T0${h}:00:00+09:00` }));
    const plan = planAllocation({ orders, stock: stock([branch.japan, skuA, 3]), linkedProductCounts: linkedAll });
    expect(plan.allocated.map((a) => a.orderNo)).toEqual([orders[1]!.orderNo, orders[2]!.orderNo, orders[0]!.orderNo]);
  });
});

describe('planAllocation properties', () => {
  const skus = [skuA, skuB, skuC];
  const branchCodes = [branch.japan, branch.second];

  const scenario = fc.record({
    orders: fc.array(
      fc.record({
        sellerId: fc.constantFrom('s1', 's2'),
        cartNo: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), { nil: null }),
        sku: fc.constantFrom(...skus),
        quantity: fc.integer({ min: 1, max: 5 }),
        hour: fc.integer({ min: 0, max: 47 }),
        qoo10: fc.boolean(),
        shipsWithin14Days: fc.boolean(),
        allocatedBranch: fc.option(fc.constantFrom(...branchCodes), { nil: null, freq: 8 }),
      }),
      { maxLength: 40 },
    ),
    stock: fc.array(fc.tuple(fc.constantFrom(...branchCodes), fc.constantFrom(...skus), fc.integer({ min: 0, max: 12 })), {
      maxLength: 6,
    }),
    linked: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
    suspended: fc.constantFrom<string[]>([], ['s1'], ['s2']),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  function build(input: Scenario) {
    const orders: AllocationOrder[] = input.orders.map((o, i) => {
      const at = new Date(Date.UTC(2024, 10, 5) + o.hour * 3_600_000).toISOString();
      return {
        orderNo: String(i + 1),
        sellerId: o.sellerId,
        cartNo: o.cartNo,
        sku: o.sku,
        quantity: o.quantity,
        shipsWithin14Days: o.shipsWithin14Days,
        sellerSuspended: input.suspended.includes(o.sellerId),
        allocatedBranch: o.allocatedBranch,
        ...(o.qoo10 ? { paidAt: at } : { registeredAt: at }),
      };
    });
    const rows = stock(...input.stock);
    const linkedProductCounts = new Map(skus.map((sku, i) => [sku, input.linked[i]!]));
    return { orders, stock: rows, linkedProductCounts };
  }

  const cartKey = (o: AllocationOrder) => (o.cartNo ? `${o.sellerId}/${o.cartNo}` : `#${o.orderNo}`);

  it('never allocates more of a SKU at a branch than it has, and decides every order exactly once', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { orders, stock: rows, linkedProductCounts } = build(input);
        const plan = planAllocation({ orders, stock: rows, linkedProductCounts });
        const decided = [...plan.allocated, ...plan.held].map((d) => d.orderNo).sort();
        expect(decided).toEqual(orders.map((o) => o.orderNo).sort());

        const available = new Map<string, number>();
        for (const r of rows) available.set(`${r.branchCode}|${r.sku}`, (available.get(`${r.branchCode}|${r.sku}`) ?? 0) + r.available);
        const used = new Map<string, number>();
        const byNo = new Map(orders.map((o) => [o.orderNo, o]));
        for (const a of plan.allocated) {
          const o = byNo.get(a.orderNo)!;
          expect(o.allocatedBranch ?? null).toBeNull();
          expect(o.sellerSuspended).toBe(false);
          const key = `${a.branchCode}|${o.sku}`;
          used.set(key, (used.get(key) ?? 0) + o.quantity);
        }
        for (const [key, units] of used) expect(units).toBeLessThanOrEqual(available.get(key) ?? 0);
      }),
    );
  });

  it('allocates all open lines of a cart to one branch or none, and a stock-held cart would still not fit what is left', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { orders, stock: rows, linkedProductCounts } = build(input);
        const plan = planAllocation({ orders, stock: rows, linkedProductCounts });
        const allocatedTo = new Map(plan.allocated.map((a) => [a.orderNo, a.branchCode]));
        const heldFor = new Map<string, HoldReason>(plan.held.map((h) => [h.orderNo, h.reason]));

        const left = new Map<string, number>();
        for (const r of rows) left.set(`${r.branchCode}|${r.sku}`, (left.get(`${r.branchCode}|${r.sku}`) ?? 0) + r.available);
        for (const o of orders) {
          const branch = allocatedTo.get(o.orderNo);
          if (branch) left.set(`${branch}|${o.sku}`, left.get(`${branch}|${o.sku}`)! - o.quantity);
        }

        const carts = new Map<string, AllocationOrder[]>();
        for (const o of orders) carts.set(cartKey(o), [...(carts.get(cartKey(o)) ?? []), o]);
        for (const lines of carts.values()) {
          const open = lines.filter((o) => !o.allocatedBranch);
          const targets = new Set(open.map((o) => allocatedTo.get(o.orderNo) ?? 'held'));
          expect(targets.size).toBeLessThanOrEqual(1);
          const pinned = new Set(lines.flatMap((o) => (o.allocatedBranch ? [o.allocatedBranch] : [])));
          if (pinned.size > 0 && open.length > 0 && !targets.has('held')) expect(pinned.has([...targets][0]!)).toBe(true);

          const reasons = open.map((o) => heldFor.get(o.orderNo));
          if (open.length > 0 && reasons.every((r) => r === 'out-of-stock' || r === 'cart-incomplete')) {
            const demand = new Map<string, number>();
            for (const o of open) demand.set(o.sku, (demand.get(o.sku) ?? 0) + o.quantity);
            for (const branch of pinned.size > 0 ? pinned : branchCodes) {
              const fits = [...demand].every(([sku, units]) => (left.get(`${branch}|${sku}`) ?? 0) >= units);
              expect(fits).toBe(false);
            }
          }
        }
      }),
    );
  });

  it('holds exactly the unlinked open Qoo10 lines of active sellers as not-linked', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { orders, stock: rows, linkedProductCounts } = build(input);
        const plan = planAllocation({ orders, stock: rows, linkedProductCounts });
        const notLinked = new Set(plan.held.filter((h) => h.reason === 'not-linked').map((h) => h.orderNo));
        const expected = orders.filter((o) => 'paidAt' in o && !o.allocatedBranch && (linkedProductCounts.get(o.sku) ?? 0) === 0 && !o.sellerSuspended);
        expect(notLinked).toEqual(new Set(expected.map((o) => o.orderNo)));
      }),
    );
  });
});

describe('planAllocation at warehouse scale', () => {
  it('plans 100,000 orders over 20,000 SKUs in one pass, within stock and all-or-none per cart', () => {
    const skuCount = 20_000;
    const skuAt = (i: number) => `3${String(i).padStart(11, '0')}-00001`;
    const rows: AvailableStock[] = [];
    const linked = new Map<string, number>();
    for (let i = 0; i < skuCount; i++) {
      rows.push({ branchCode: branch.japan, sku: skuAt(i), available: i % 7 });
      linked.set(skuAt(i), i % 13 === 0 ? 0 : 1);
    }
    const orders: AllocationOrder[] = [];
    const start = Date.UTC(2024, 10, 1);
    for (let i = 0; i < 100_000; i++) {
      orders.push({
        orderNo: String(100_000_000 + i),
        sellerId: `seller${i % 500}`,
        cartNo: String(Math.floor(i / 3)), // carts of three consecutive lines
        sku: skuAt((i * 7919) % skuCount),
        quantity: 1 + (i % 3),
        shipsWithin14Days: i % 10 === 0,
        sellerSuspended: i % 500 === 499,
        paidAt: new Date(start + i * 60_000).toISOString(),
      });
    }
    const plan = planAllocation({ orders, stock: rows, linkedProductCounts: linked });
    expect(plan.allocated.length + plan.held.length).toBe(orders.length);
    expect(plan.allocated.length).toBeGreaterThan(0);

    const used = new Map<string, number>();
    const bySku = new Map(orders.map((o) => [o.orderNo, o]));
    for (const a of plan.allocated) {
      const o = bySku.get(a.orderNo)!;
      used.set(o.sku, (used.get(o.sku) ?? 0) + o.quantity);
    }
    for (const r of rows) expect(used.get(r.sku) ?? 0).toBeLessThanOrEqual(r.available);
    const cartOutcomes = new Map<string, Set<boolean>>();
    const allocated = new Set(plan.allocated.map((a) => a.orderNo));
    for (const o of orders) {
      const set = cartOutcomes.get(`${o.sellerId}/${o.cartNo}`) ?? new Set<boolean>();
      set.add(allocated.has(o.orderNo));
      cartOutcomes.set(`${o.sellerId}/${o.cartNo}`, set);
    }
    for (const outcomes of cartOutcomes.values()) expect(outcomes.size).toBe(1);
  });
});

import { compareOrderNos, compareUrgency, urgencyOf, type Urgency } from './allocation';
import { compareBins } from './bin-locations';
import type { CutoffOrder } from './cutoffs';
import { dayNumberToDate, tokyoDayNumber, type Instant, type TokyoDate } from './tokyo-time';

/**
 * Today's pick lists (ピッキングリスト) at one branch: which allocated orders are picked now, in what order, in
 * batches of carts, each batch's units in walking order.
 *
 * Rules (DESIGN §4–§5 and the manual):
 * - an order is picked on its due day (Qoo10 paid by 16:00, management-no. registered by 13:00, Asia/Tokyo; a
 *   scheduled ship date later than that wins); overdue orders are picked too, first;
 * - a cart ships whole: it is picked only when every line of it is allocated at this branch, and all of it on one
 *   list, on the day its last line is due;
 * - a suspended seller's (shipping paused or stopped) orders are held;
 * - urgency as the allocator ranks it (due day, normal before 14-day orders, paid time, order no.);
 * - an order is on at most one pick list: orders already listed are left out.
 * Pure: the hub reads the orders and bins, this decides, the hub stores the outcome.
 */

/** Hub order states as far as picking cares: only `allocated` is picked; `paid`/`held` lines make a cart incomplete. */
const pickedOrLater: ReadonlySet<string> = new Set(['picked', 'packed', 'in_transit']);

/** An open order line at (or for) the branch, with its cut-off input: paidAt (Qoo10) or registeredAt (management no.). */
export type PickOrder = CutoffOrder & {
  id: string;
  orderNo: string;
  sellerId: string;
  cartNo?: string | null | undefined;
  /** Null only for an unlinked Qoo10 line, which is never allocated. */
  sku: string | null;
  quantity: number;
  state: string;
  branchCode: string | null;
  shipsWithin14Days: boolean;
  /** Already on a pick list: never planned again. */
  onPickList?: boolean | undefined;
};

export const pickHoldReasons = ['seller-suspended', 'cart-incomplete', 'not-due'] as const;
export type PickHoldReason = (typeof pickHoldReasons)[number];

export interface PickPlanInput {
  branchCode: string;
  /** Allocated orders at the branch, and every other line of their carts (in whatever state or branch). */
  orders: Iterable<PickOrder>;
  /** Sellers whose shipping is paused or stopped. */
  suspendedSellers: ReadonlySet<string>;
  /** The bin of each SKU at this branch; a SKU without one is picked last. */
  binOf: (sku: string) => string | null | undefined;
  now: Instant;
  /** Orders per list; a cart is never split, so a list may hold more when one cart alone is bigger. */
  ordersPerList?: number;
}

/** One stop on the walk: a SKU at its bin, the units to take, and the orders they are for (most urgent first). */
export interface PickLine {
  sku: string;
  bin: string | null;
  quantity: number;
  orderIds: string[];
}

export interface PlannedPickList {
  /** In priority order. */
  orderIds: string[];
  /** In walking order. */
  lines: PickLine[];
}

export interface HeldPickOrder {
  orderId: string;
  orderNo: string;
  sellerId: string;
  reason: PickHoldReason;
  /** The day the order is due (for a cart: its last line's day). */
  dueShipDate: TokyoDate;
}

export interface PickPlan {
  /** Most urgent first. */
  lists: PlannedPickList[];
  /** Orders allocated here and not listed, most urgent first. */
  held: HeldPickOrder[];
}

export const defaultOrdersPerList = 20;

interface Cart {
  /** Allocated here and not yet listed: what this run may pick. */
  open: PickOrder[];
  /** Some line is not yet allocated here (waiting for stock, held by hand, or at another branch). */
  incomplete: boolean;
  urgency: Urgency;
}

export function planPickLists(input: PickPlanInput): PickPlan {
  const today = tokyoDayNumber(input.now);
  const perList = Math.max(1, Math.floor(input.ordersPerList ?? defaultOrdersPerList));
  const carts = new Map<string, Cart>();
  // Worked out once per order, not in the sort's comparator.
  const urgencies = new Map<PickOrder, Urgency>();
  for (const order of input.orders) {
    const line = urgencyOf(order);
    const key = order.cartNo ? `c\u0000${order.sellerId}\u0000${order.cartNo}` : `o\u0000${order.id}`;
    let cart = carts.get(key);
    if (!cart) carts.set(key, (cart = { open: [], incomplete: false, urgency: { dueDay: -Infinity, deferred: 1, paidMs: Infinity, orderNo: order.orderNo } }));
    const here = order.branchCode === input.branchCode;
    if (order.state === 'allocated' && here) {
      if (!order.onPickList) {
        cart.open.push(order);
        urgencies.set(order, line);
      }
    } else if (!(pickedOrLater.has(order.state) && here)) {
      cart.incomplete = true;
    }
    // A cart ships on the day its last line is due; it ranks as its most urgent line otherwise.
    const u = cart.urgency;
    u.dueDay = Math.max(u.dueDay, line.dueDay);
    u.deferred = Math.min(u.deferred, line.deferred) as 0 | 1;
    u.paidMs = Math.min(u.paidMs, line.paidMs);
    if (compareOrderNos(line.orderNo, u.orderNo) < 0) u.orderNo = line.orderNo;
  }

  const ranked = [...carts.values()].filter((cart) => cart.open.length > 0).sort((a, b) => compareUrgency(a.urgency, b.urgency));
  const plan: PickPlan = { lists: [], held: [] };
  let batch: PickOrder[][] = [];
  let batchOrders = 0;
  const closeBatch = () => {
    if (batch.length > 0) plan.lists.push(pickListOf(batch.flat(), input.binOf));
    batch = [];
    batchOrders = 0;
  };
  for (const cart of ranked) {
    const reason: PickHoldReason | null = input.suspendedSellers.has(cart.open[0]!.sellerId)
      ? 'seller-suspended'
      : cart.incomplete
        ? 'cart-incomplete'
        : cart.urgency.dueDay > today
          ? 'not-due'
          : null;
    const lines = cart.open.sort((a, b) => compareUrgency(urgencies.get(a)!, urgencies.get(b)!));
    if (reason) {
      const dueShipDate = dayNumberToDate(cart.urgency.dueDay);
      for (const order of lines) plan.held.push({ orderId: order.id, orderNo: order.orderNo, sellerId: order.sellerId, reason, dueShipDate });
      continue;
    }
    if (batchOrders > 0 && batchOrders + lines.length > perList) closeBatch();
    batch.push(lines);
    batchOrders += lines.length;
  }
  closeBatch();
  return plan;
}

/**
 * A list's walk: one line per SKU (and its bin), units summed over the orders, lines in bin order (no bin last, then
 * by SKU). Orders keep the order given (their priority). Used by the planner and to show a stored list again.
 */
export function pickListOf(orders: readonly Pick<PickOrder, 'id' | 'sku' | 'quantity'>[], binOf: (sku: string) => string | null | undefined): PlannedPickList {
  const lines = new Map<string, PickLine>();
  for (const order of orders) {
    if (!order.sku) continue;
    let line = lines.get(order.sku);
    if (!line) lines.set(order.sku, (line = { sku: order.sku, bin: binOf(order.sku) ?? null, quantity: 0, orderIds: [] }));
    line.quantity += order.quantity;
    if (!line.orderIds.includes(order.id)) line.orderIds.push(order.id);
  }
  return {
    orderIds: orders.map((order) => order.id),
    lines: [...lines.values()].sort((a, b) => compareBins(a.bin, b.bin) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
  };
}

import { dueShipDayNumber, type CutoffOrder } from './cutoffs';
import type { BranchCode, SellerId, Sku } from './identifiers';
import { toDate } from './tokyo-time';

/**
 * The automatic allocator (订单分配): which open orders go to which branch now, and why the others wait.
 *
 * Rules (DESIGN §4 and the manual):
 * - an order from a Qoo10 listing needs the listing linked to its SKU (linked-product count > 0);
 * - the branch must have the stock; stock is consumed as orders are allocated, most urgent first;
 * - a cart ships whole from one branch: all of its open lines are allocated, or none;
 * - a seller whose shipping is paused or stopped gets nothing allocated;
 * - urgency: due ship day (by cut-off and scheduled date), then normal before 14-day orders, then paid time,
 *   then order no.
 * Pure and linear apart from one sort, so the hub can re-plan the whole backlog on every stock change.
 */

/** An open order line. Qoo10 lines carry paidAt; other-platform (management no.) lines carry registeredAt. */
export type AllocationOrder = CutoffOrder & {
  /** Unique among the orders planned together (Qoo10 order no., or the management no.). */
  orderNo: string;
  sellerId: SellerId;
  /** Lines of one seller sharing a cart no. ship together; without one the line is a cart of its own. */
  cartNo?: string | null | undefined;
  sku: Sku;
  /** Whole units, at least 1, as the order schemas guarantee. */
  quantity: number;
  shipsWithin14Days: boolean;
  sellerSuspended: boolean;
  /** Set when the line was allocated earlier (by this planner or by hand): its stock is already taken. */
  allocatedBranch?: BranchCode | null | undefined;
};

/** Units free to allocate (on hand minus already allocated) of one SKU at one branch. */
export type AvailableStock = { branchCode: BranchCode; sku: Sku; available: number };

export type AllocationInput = {
  orders: Iterable<AllocationOrder>;
  stock: Iterable<AvailableStock>;
  /** Listings linked to each SKU; a SKU missing here has none. Only Qoo10 orders come through listings. */
  linkedProductCounts: ReadonlyMap<Sku, number>;
  /** Branches to try, most preferred first; by default the order in which `stock` first names them. */
  branchPreference?: readonly BranchCode[];
};

export type HoldReason = 'not-linked' | 'out-of-stock' | 'cart-incomplete' | 'seller-suspended' | 'already-allocated';

export type AllocatedLine = { orderNo: string; branchCode: BranchCode };
export type HeldLine = { orderNo: string; reason: HoldReason };

/** Both lists are in allocation priority order. */
export type AllocationPlan = { allocated: AllocatedLine[]; held: HeldLine[] };

/** How urgent an order (or a cart) is; the pick-list planner ranks by the same rule (shared/domain/pick-lists.ts). */
export type Urgency = {
  dueDay: number;
  deferred: 0 | 1; // 14-day orders after normal ones
  paidMs: number;
  orderNo: string;
};

type Line = Urgency & { order: AllocationOrder };

type Cart = { lines: Line[]; best: Line };

type Stock = Map<BranchCode, Map<Sku, number>>;

export function planAllocation(input: AllocationInput): AllocationPlan {
  const remaining: Stock = new Map();
  for (const { branchCode, sku, available } of input.stock) {
    let bySku = remaining.get(branchCode);
    if (!bySku) remaining.set(branchCode, (bySku = new Map()));
    bySku.set(sku, (bySku.get(sku) ?? 0) + Math.max(0, available));
  }
  const branchOrder = input.branchPreference ?? [...remaining.keys()];

  const carts = new Map<string, Cart>();
  for (const order of input.orders) {
    const line = toLine(order);
    // Cart numbers are Qoo10's, but keying by seller too keeps two sellers' typos from merging their parcels.
    const key = order.cartNo ? `c\u0000${order.sellerId}\u0000${order.cartNo}` : `o\u0000${order.orderNo}`;
    const cart = carts.get(key);
    if (!cart) carts.set(key, { lines: [line], best: line });
    else {
      cart.lines.push(line);
      if (compareLines(line, cart.best) < 0) cart.best = line;
    }
  }

  // A cart is as urgent as its most urgent line; its lines keep their own order within it.
  const ordered = [...carts.values()].sort((a, b) => compareLines(a.best, b.best));
  const plan: AllocationPlan = { allocated: [], held: [] };
  const context: CartContext = { remaining, branchOrder, linkedProductCounts: input.linkedProductCounts, plan };
  for (const cart of ordered) {
    if (cart.lines.length > 1) cart.lines.sort(compareLines);
    planCart(cart.lines, context);
  }
  return plan;
}

function toLine(order: AllocationOrder): Line {
  return { ...urgencyOf(order), order };
}

/** What ranks an order (or a pick-list line): its due ship day, 14-day orders after the rest, then paid time and no. */
export function urgencyOf(order: CutoffOrder & { orderNo: string; shipsWithin14Days: boolean }): Urgency {
  const isQoo10 = 'paidAt' in order;
  const at = toDate(isQoo10 ? order.paidAt : order.registeredAt); // parsed once, used twice
  const dueDay = dueShipDayNumber(
    isQoo10 ? { paidAt: at, desiredShipDate: order.desiredShipDate } : { registeredAt: at, desiredShipDate: order.desiredShipDate },
  );
  return { dueDay, deferred: order.shipsWithin14Days ? 1 : 0, paidMs: at.getTime(), orderNo: order.orderNo };
}

type CartContext = {
  remaining: Stock;
  branchOrder: readonly BranchCode[];
  linkedProductCounts: ReadonlyMap<Sku, number>;
  plan: AllocationPlan;
};

function planCart(lines: readonly Line[], context: CartContext): void {
  if (lines.length === 1) planSingleLine(lines[0]!.order, context);
  else planMultiLineCart(lines, context);
}

/** Most carts hold one line: the same rules as planMultiLineCart, without its bookkeeping. */
function planSingleLine(order: AllocationOrder, { remaining, branchOrder, linkedProductCounts, plan }: CartContext): void {
  const { orderNo, sku, quantity } = order;
  let reason: HoldReason = 'out-of-stock';
  if (order.allocatedBranch) reason = 'already-allocated';
  else if (order.sellerSuspended) reason = 'seller-suspended';
  else if ('paidAt' in order && (linkedProductCounts.get(sku) ?? 0) <= 0) reason = 'not-linked';
  else {
    for (const branchCode of branchOrder) {
      const bySku = remaining.get(branchCode);
      const available = bySku?.get(sku) ?? 0;
      if (bySku && available >= quantity) {
        bySku.set(sku, available - quantity);
        plan.allocated.push({ orderNo, branchCode });
        return;
      }
    }
  }
  plan.held.push({ orderNo, reason });
}

function planMultiLineCart(lines: readonly Line[], { remaining, branchOrder, linkedProductCounts, plan }: CartContext): void {
  const open: AllocationOrder[] = [];
  const usedBranches = new Set<BranchCode>();
  for (const { order } of lines) {
    if (order.allocatedBranch) {
      plan.held.push({ orderNo: order.orderNo, reason: 'already-allocated' });
      usedBranches.add(order.allocatedBranch);
    } else {
      open.push(order);
    }
  }
  if (open.length === 0) return;

  if (open.some((order) => order.sellerSuspended)) {
    for (const order of open) plan.held.push({ orderNo: order.orderNo, reason: 'seller-suspended' });
    return;
  }

  const demand = new Map<Sku, number>();
  for (const order of open) demand.set(order.sku, (demand.get(order.sku) ?? 0) + order.quantity);
  // The rest of a partly allocated cart joins it where it already is (anywhere it is, if a person split it by
  // hand), rather than opening yet another parcel at yet another branch.
  const candidates = usedBranches.size === 0 ? branchOrder : preferred(usedBranches, branchOrder);

  let anyProblem = false;
  const problems = open.map((order): HoldReason | null => {
    let problem: HoldReason | null = null;
    if ('paidAt' in order && (linkedProductCounts.get(order.sku) ?? 0) <= 0) problem = 'not-linked';
    else if (!candidates.some((branch) => hasStock(remaining, branch, order.sku, demand.get(order.sku)!))) problem = 'out-of-stock';
    anyProblem ||= problem !== null;
    return problem;
  });
  const branch = anyProblem ? undefined : candidates.find((candidate) => everyEntry(demand, (sku, units) => hasStock(remaining, candidate, sku, units)));

  if (branch === undefined) {
    // The lines that could ship wait for the ones that cannot: that is what "cart incomplete" tells the seller.
    open.forEach((order, i) => plan.held.push({ orderNo: order.orderNo, reason: problems[i] ?? 'cart-incomplete' }));
    return;
  }
  const stock = remaining.get(branch);
  if (stock) for (const [sku, units] of demand) stock.set(sku, (stock.get(sku) ?? 0) - units);
  for (const order of open) plan.allocated.push({ orderNo: order.orderNo, branchCode: branch });
}

function preferred(branches: ReadonlySet<BranchCode>, branchOrder: readonly BranchCode[]): BranchCode[] {
  const ranked = branchOrder.filter((branch) => branches.has(branch));
  for (const branch of branches) if (!ranked.includes(branch)) ranked.push(branch);
  return ranked;
}

function hasStock(remaining: Stock, branch: BranchCode, sku: Sku, units: number): boolean {
  return (remaining.get(branch)?.get(sku) ?? 0) >= units;
}

function everyEntry<K, V>(map: ReadonlyMap<K, V>, test: (key: K, value: V) => boolean): boolean {
  for (const [key, value] of map) if (!test(key, value)) return false;
  return true;
}

function compareLines(a: Line, b: Line): number {
  return compareUrgency(a, b);
}

/** Due ship day, then normal before 14-day orders, then paid (registered) time, then order no. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return a.dueDay - b.dueDay || a.deferred - b.deferred || a.paidMs - b.paidMs || compareOrderNos(a.orderNo, b.orderNo);
}

/** Order numbers are digit strings of varying length: 999 comes before 1000. */
export function compareOrderNos(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

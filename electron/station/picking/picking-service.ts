import { StationFailure } from '../../../shared/contract/errors';
import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type {
  PickingRefusal,
  PickLineView,
  PickListSummary,
  PickMakeResult,
  PickOpenResult,
  PickOrderView,
  PickScanResult,
  PickView,
} from '../../../shared/contract/picking';
import { compareBins, normaliseBinCode } from '../../../shared/domain/bin-locations';
import { tokyoDate } from '../../../shared/domain/tokyo-time';
import { resolveSku, skuOfLabel } from '../catalog/resolve-sku';
import { hubCall, type HubCredentials } from '../hub-client/hub-http';
import { binsOf } from '../putaway/bin-lookup';
import { overlayOrder } from '../overlay/floor-overlay';
import type { CachedOrder } from '../catalog/cached-order';
import type { StationStore } from '../store/station-store';
import type { FeedView } from '../../../shared/hub/feed';

/** A pick list as the hub's changes feed carries it (entity `pick-list`, schema in shared/hub/feed.ts). */
export type CachedPickList = FeedView<'pick-list'>;

/** Units picked per order on one list, kept in the station store (fsynced) before the scan is answered. */
type Progress = Record<string, number>;

const progressSetting = (pickListId: string) => `picking.progress.${pickListId}`;
/** Events after which an order's units are off the shelf, whoever recorded them. */
const offShelfKinds = ['order.picked', 'order.packed', 'order.shipped'] as const;
const offShelfStates: ReadonlySet<string> = new Set(['picked', 'packed', 'in_transit']);
/** Orders taken back before they were picked (un-allocated by hand): their units are no longer wanted. */
const withdrawnStates: ReadonlySet<string> = new Set(['paid', 'held']);

export interface PickingDeps {
  store: StationStore;
  branchCode: string;
  hub: HubCredentials;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): void;
}

interface Caller {
  userId: string | null;
  /** The signed-in user's hub session: the hub makes lists for a user with a role that may. */
  token: string | null;
  language: string;
}

/**
 * Picking on the floor: the hub makes today's pick lists (it alone sees every station's orders), the station keeps
 * them from the changes feed and works through one with the hub away: each unit scanned is counted in the station
 * store before the answer, and an order whose units are all picked is an `order.picked` event in the outbox first.
 */
export class PickingService {
  constructor(private readonly deps: PickingDeps) {}

  async make(ordersPerList: number | undefined, caller: Caller): Promise<PickMakeResult> {
    // The hub away or refusing ends the call: the dispatcher answers hub-offline / hub-refused (one error policy).
    const answer = await hubCall(
      this.deps.hub,
      'pickLists.make',
      { body: { branchCode: this.deps.branchCode, ...(ordersPerList === undefined ? {} : { ordersPerList }) } },
      { ...(caller.token ? { userToken: caller.token } : {}), language: caller.language },
    );
    // Kept at once, so the lists can be opened before the next pull brings them (the cursor stays where it was).
    this.deps.store.applyChanges(
      answer.lists.map((list) => ({ entity: 'pick-list', entityId: list.id, op: 'upsert' as const, data: list })),
      Number(this.deps.store.setting('changes.cursor') ?? 0),
    );
    return { lists: answer.lists.map((list) => this.summary(list)), held: answer.held };
  }

  /** This branch's lists: today's, and any older one still unfinished; newest first. */
  lists(now = new Date()): PickListSummary[] {
    const today = tokyoDate(now);
    return this.deps.store
      .cached('pick-list')
      .filter((list) => list.branchCode === this.deps.branchCode)
      .map((list) => ({ list, summary: this.summary(list) }))
      .filter(({ list, summary }) => !summary.complete || tokyoDate(list.createdAt) === today)
      .sort((a, b) => (a.list.id < b.list.id ? 1 : -1))
      .map(({ summary }) => summary);
  }

  open(code: string): PickOpenResult {
    const list = this.find(code);
    return list ? { list: this.view(list), refusal: null } : { list: null, refusal: 'unknown-pick-list' };
  }

  scan(pickListId: string, code: string, userId: string | null): PickScanResult {
    const list = this.find(pickListId);
    if (!list) throw new StationFailure('bad-input', `pick list ${pickListId} is not at this branch`);
    const text = code.trim();
    const before = this.view(list);
    // `before` is the list as it stands until this scan writes something; only then is it built again.
    const answer = (
      verdict: PickScanResult['verdict'],
      fields: Partial<Pick<PickScanResult, 'refusal' | 'sku' | 'bin' | 'orderNo'>> = {},
      written = false,
    ): PickScanResult => ({
      verdict,
      refusal: fields.refusal ?? null,
      sku: fields.sku ?? null,
      bin: fields.bin ?? null,
      orderNo: fields.orderNo ?? null,
      list: written ? this.view(list) : before,
    });
    const refused = (refusal: PickingRefusal, sku: string | null = null) => answer('refused', { refusal, sku });
    if (before.complete) return refused('list-complete');

    const bin = normaliseBinCode(text);
    if (bin) {
      // "I am at this bin": fine when the list still needs something there.
      const here = before.lines.some((line) => line.bin === bin && line.picked < line.expected);
      return here ? answer('at-bin', { bin }) : answer('refused', { refusal: 'bin-not-on-list', bin });
    }

    const candidates = this.matchingLines(before, text);
    if (candidates.length === 0) {
      const known = resolveSku(this.deps.store, text, null);
      return refused(known ? 'not-on-list' : 'unknown-item', known?.sku ?? null);
    }
    // The current line first (a JAN shared by two SKUs on the list counts where the picker stands).
    const line = candidates.find((candidate) => candidate.picked < candidate.expected);
    if (!line) return refused('extra-item', candidates[0]!.sku);
    const order = line.orders.find((candidate) => !candidate.done && candidate.picked < candidate.quantity)!;

    const progress = this.progress(list.id);
    const picked = (progress[order.orderId] ?? 0) + 1;
    progress[order.orderId] = picked;
    // The store is fsynced: a unit counted here is still counted after a crash or a power cut.
    this.deps.store.setSetting(progressSetting(list.id), JSON.stringify(progress));
    if (picked < order.quantity) return answer('accepted', { sku: line.sku, bin: line.bin }, true);

    // The order's units are all off the shelf: on disk in the outbox before the picker hears so.
    this.deps.record('order.picked', { orderId: order.orderId, sku: order.sku, quantity: order.quantity }, userId);
    const after = answer('order-picked', { sku: line.sku, bin: line.bin, orderNo: order.orderNo }, true);
    return after.list.complete ? { ...after, verdict: 'complete' } : after;
  }

  private find(code: string): CachedPickList | null {
    const text = code
      .trim()
      .toUpperCase()
      .replace(/^QWMS:PICK:/, '');
    const list = /^PL\d{8}$/.test(text) ? this.deps.store.cachedOne('pick-list', text) : null;
    return list && list.branchCode === this.deps.branchCode ? list : null;
  }

  private progress(pickListId: string): Progress {
    const saved = this.deps.store.setting(progressSetting(pickListId));
    return saved ? (JSON.parse(saved) as Progress) : {};
  }

  /** The list's lines that a scanned code is: its SKU label, a JAN, or a seller SKU code, current line first. */
  private matchingLines(view: PickView, code: string): PickLineView[] {
    const asSku = skuOfLabel(code);
    const matches = view.lines.filter((line) => {
      if (asSku) return line.sku === asSku;
      const sku = this.deps.store.cachedOne('sku', line.sku);
      return sku !== null && (sku.jan === code || sku.sellerSkuCode === code);
    });
    return matches.sort((a, b) => Number(b.sku === view.currentSku) - Number(a.sku === view.currentSku));
  }

  private summary(list: CachedPickList): PickListSummary {
    const view = this.view(list);
    const units = view.lines.reduce((sum, line) => sum + line.expected, 0);
    const picked = view.lines.reduce((sum, line) => sum + line.picked, 0);
    const orders = new Set(view.lines.flatMap((line) => line.orders.map((order) => order.orderId))).size;
    return { id: list.id, createdAt: list.createdAt, orders, units, picked, complete: view.complete };
  }

  /** The list as it stands: the hub's lines with today's bins, each order's units picked here or already off the shelf. */
  view(list: CachedPickList): PickView {
    const progress = this.progress(list.id);
    const bins = binsOf(
      this.deps.store,
      this.deps.branchCode,
      list.lines.map((line) => line.sku),
    );
    // The hub's state moved on by this station's own events (the floor overlay); an order the station has not heard of
    // yet is on the list, so allocated. Per order through the outbox's order index, not the day's history every scan.
    const offShelf = (orderId: string, order: CachedOrder | null) => {
      const events = this.deps.store.orderEvents(offShelfKinds, orderId).filter((entry) => entry.state !== 'rejected');
      return offShelfStates.has(overlayOrder(order ?? { id: orderId, state: 'allocated', trackingNo: null }, events).state);
    };
    const lines: PickLineView[] = [];
    for (const line of list.lines) {
      const orders: PickOrderView[] = [];
      for (const orderId of line.orderIds) {
        const order = this.deps.store.cachedOne('order', orderId);
        // An order taken off the branch after the list was made is no longer picked for it.
        if (order && (withdrawnStates.has(order.state) || (order.branchCode !== null && order.branchCode !== this.deps.branchCode))) continue;
        const quantity = order?.quantity ?? line.quantity;
        // Off the shelf at the hub already: nothing of this station's moves it back (a voided label leaves it picked).
        const done = (order !== null && offShelfStates.has(order.state)) || offShelf(orderId, order);
        const picked = done ? quantity : Math.min(progress[orderId] ?? 0, quantity);
        orders.push({ orderId, orderNo: order?.orderNo ?? orderId, cartNo: order?.cartNo ?? null, sku: line.sku, quantity, picked, done });
      }
      if (orders.length === 0) continue;
      const sku = this.deps.store.cachedOne('sku', line.sku);
      const item = sku ? this.deps.store.cachedOne('inventory-item', sku.inventoryCode) : null;
      lines.push({
        sku: line.sku,
        bin: bins.get(line.sku) ?? line.bin,
        itemName: item?.name ?? line.sku,
        optionName: sku?.name ?? '',
        jan: sku?.jan ?? null,
        expected: orders.reduce((sum, order) => sum + order.quantity, 0),
        picked: orders.reduce((sum, order) => sum + order.picked, 0),
        orders,
      });
    }
    lines.sort((a, b) => compareBins(a.bin, b.bin) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    const current = lines.find((line) => line.picked < line.expected) ?? null;
    return { id: list.id, createdAt: list.createdAt, lines, currentSku: current?.sku ?? null, complete: current === null };
  }
}

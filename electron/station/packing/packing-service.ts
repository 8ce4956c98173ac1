import { StationFailure } from '../../../shared/contract/errors';
import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { PackingRefusal, PackLabelResult, PackOrder, PackStepResult, PackView, RecipientProblem } from '../../../shared/contract/packing';
import { deliveryDateProblem, recipientProblems, suggestFor } from '../../../shared/domain/packing-rules';
import { branchAddresses } from '../../../shared/domain/branch-addresses';
import { branchNames } from '../../../shared/domain/identifiers';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { parcelServiceRules, sagawaTimeSlots, type ParcelService, type SagawaTimeSlot } from '../../../shared/domain/parcel-services';
import { hubCall, type HubCredentials } from '../hub-client/hub-http';
import { shippingLabelSchema, describeShippingLabelProblems, type ShippingLabelInput } from '../printing/shipping-label';
import type { StationStore } from '../store/station-store';
import type { CachedOrder } from '../catalog/cached-order';
import { resolveSku } from '../catalog/resolve-sku';
import { sellerName } from '../catalog/seller-name';
import { blockSize, refillBelow, TrackingStock } from './tracking-stock';
import { overlayOrder } from '../overlay/floor-overlay';

export type { CachedOrder };

interface Party {
  name: string;
  postalCode: string;
  address: string;
  phone: string;
}

type PackState = PackOrder['state'];
interface Progress {
  state: PackState;
  service: ParcelService | null;
  timeSlot: SagawaTimeSlot | null;
  trackingNumber: string | null;
  /** Units scanned against the order, or its whole quantity once this station reported the pick. */
  complete: boolean;
  packed: number;
}

const orderKinds = ['order.picked', 'order.packed', 'order.shipped', 'label.voided'] as const;
const packStates: readonly string[] = ['allocated', 'picked', 'packed', 'in_transit'];
const progressSetting = (orderId: string) => `packing.progress.${orderId}`;
/**
 * The label's sender: the shop's name at the branch's returns address (the manual's CS係, where an undelivered parcel
 * comes back), unless a station setting (`packing.sender`, JSON) names another.
 */
export function labelSender(store: StationStore, branchCode: string, sellerId: string): Party {
  const saved = store.setting('packing.sender');
  if (saved) return JSON.parse(saved) as Party;
  const returns = branchAddresses[branchCode]?.returns ?? { postalCode: '', address: branchNames[branchCode] ?? branchCode, phone: '' };
  return { name: sellerName(store, sellerId), ...returns };
}

export interface PackingDeps {
  store: StationStore;
  branchCode: string;
  hub: HubCredentials;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): void;
  /** Queues the shipping label on the station's label printer. */
  printLabel(label: ShippingLabelInput): Promise<PrintJobStatus>;
  log(message: string): void;
  /** The clock the delivery-date rule reads (tests set it). */
  now?: () => Date;
}

/**
 * The pack bench: scan the order (or its cart), scan every unit against it, label it from the station's own tracking
 * block, scan the label out. It answers from the orders pulled from the hub and its own outbox, so it keeps working
 * while the hub is away; every step is an outbox event (or, for a single unit's scan, a store row) before it answers.
 */
export class PackingService {
  readonly stock: TrackingStock;
  private refilling: Promise<void> | null = null;
  /** Parcel suggestions worked out during one step; cleared at the start of every step. */
  private readonly suggestions = new Map<string, PackOrder['suggestion']>();
  /** Each order's progress as read during one step; cleared at the start of a step and by whatever changes it. */
  private readonly progressSeen = new Map<string, Progress>();

  constructor(private readonly deps: PackingDeps) {
    this.stock = new TrackingStock(deps.store, deps.hub.stationId);
  }

  open(code: string): PackView {
    this.beginStep();
    const wanted = normaliseOrderCode(code);
    // Counted once for the step: the refill below only lands after this answer.
    const left = this.stock.left();
    if (left < refillBelow) void this.refill();
    // A pick list brings every order on it: the packer works through the picked tote order by order.
    const pickList = this.deps.store.cachedOne('pick-list', wanted.toUpperCase());
    const view = (orders: CachedOrder[], refusal: PackingRefusal | null): PackView => ({
      orders: orders.map((order) => this.packOrder(order)),
      refusal,
      trackingNumbersLeft: left,
      pickListId: pickList?.id ?? null,
    });
    const found = uniqueById([
      ...(pickList?.orderIds ?? []).flatMap((id) => this.deps.store.cachedOne('order', id) ?? []),
      ...[this.deps.store.cachedOne('order', wanted)].filter((order) => order !== null),
      ...this.deps.store.cachedWhere('order', 'orderNo', wanted),
      ...this.deps.store.cachedWhere('order', 'cartNo', wanted),
    ]);
    if (found.length === 0) return view([], 'unknown-order');
    const here = found.filter((order) => order.branchCode === this.deps.branchCode);
    if (here.length === 0) return view([], 'order-other-branch');
    // An order of a cart brings the whole cart, which ships in one parcel; looked up once per parcel, not per order.
    const parcels = new Map(here.map((order) => [cartKey(order), order]));
    const orders = uniqueById([...here, ...[...parcels.values()].flatMap((order) => this.parcel(order))])
      .filter((order) => packStates.includes(this.progress(order).state) && packStates.includes(order.state))
      .sort((a, b) => (a.cartNo ?? a.orderNo).localeCompare(b.cartNo ?? b.orderNo) || a.orderNo.localeCompare(b.orderNo));
    if (orders.length === 0) return view([], 'order-not-packable');
    // A parcel scanned again after it left is refused loudly (its orders are described, nothing on them is left to do).
    if (orders.every((order) => this.progress(order).state === 'in_transit')) return view(orders, 'already-shipped');
    return view(orders, null);
  }

  /**
   * One unit scanned at the bench. It counts on the order being worked on if that order needs it, else on another
   * order of its parcel (cart), else on any order on the bench (`bench`: the orders a pick list brought).
   */
  scan(orderId: string, code: string, userId: string | null, bench: readonly string[] = []): PackStepResult {
    this.beginStep();
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal, sku: string | null = null): PackStepResult => ({
      verdict: 'refused',
      refusal,
      sku,
      order: this.packOrder(order),
    });
    const state = this.progress(order).state;
    if (state === 'in_transit') return refused('already-shipped');
    if (state === 'packed') return refused('already-labelled');
    const sku = resolveSku(this.deps.store, code.trim(), order.sellerId);
    if (!sku) return refused('unknown-item');
    const needs = (candidate: CachedOrder) =>
      candidate.sku === sku.sku &&
      !this.progress(candidate).complete &&
      this.progress(candidate).state !== 'packed' &&
      this.progress(candidate).state !== 'in_transit';
    // The order in hand, else its cart, else the bench one order at a time: the first that needs the unit takes it.
    let target: CachedOrder | undefined = needs(order) ? order : this.cartSiblings(order).find(needs);
    for (const id of target ? [] : bench) {
      if (id === order.id) continue;
      target = this.benchOrder(id).find(needs);
      if (target) break;
    }
    if (!target) {
      const candidates = [order, ...this.cartSiblings(order), ...bench.filter((id) => id !== order.id).flatMap((id) => this.benchOrder(id))];
      const holds = candidates.find((candidate) => candidate.sku === sku.sku);
      return holds ? { verdict: 'refused', refusal: 'extra-item', sku: sku.sku, order: this.packOrder(holds) } : refused('not-in-order', sku.sku);
    }
    const progress = this.progress(target);
    const packed = progress.packed + 1;
    // The store is fsynced: a unit counted here is still counted after a crash.
    this.deps.store.setSetting(progressSetting(target.id), String(packed));
    this.progressSeen.delete(target.id);
    if (packed < target.quantity) return { verdict: 'accepted', refusal: null, sku: sku.sku, order: this.packOrder(target) };
    // Packed straight from the shelf, without a pick list: the pick is reported with the pack check.
    if (progress.state === 'allocated') this.record('order.picked', { orderId: target.id, sku: sku.sku, quantity: target.quantity }, userId);
    return { verdict: 'complete', refusal: null, sku: sku.sku, order: this.packOrder(target) };
  }

  /**
   * Closes the parcel: the order with the rest of its cart, which travel in one box under one tracking number.
   * Every order of it must be fully scanned; each gets its own `order.packed` event with the same number.
   */
  async label(orderId: string, service: ParcelService, timeSlot: SagawaTimeSlot | null, userId: string | null): Promise<PackLabelResult> {
    this.beginStep();
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal): PackLabelResult => ({ verdict: 'refused', refusal, sku: null, order: this.packOrder(order), job: null });
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return refused('already-shipped');
    if (progress.state === 'packed') return refused('already-labelled');
    const parcel = this.parcel(order).filter((member) => this.progress(member).state !== 'in_transit');
    if (parcel.some((member) => this.progress(member).state === 'packed')) return refused('already-labelled');
    if (!parcel.every((member) => this.progress(member).complete)) return refused('not-complete');
    if (timeSlot !== null && !parcelServiceRules[service].offersTimeSlots) return refused('time-slot-sagawa-only');
    const deliveryDate = parcelServiceRules[service].offersTimeSlots ? (order.deliveryTime?.date ?? null) : null;
    const dateProblem = deliveryDate ? deliveryDateProblem(deliveryDate, this.deps.now?.() ?? new Date()) : null;
    // A promised day that is gone (or beyond Sagawa's two days) is not printed as a promise: the packer hears why.
    if (dateProblem && timeSlot !== null) return refused(dateProblem);
    const blocking = recipientProblems(order.recipient).find((problem): problem is PackingRefusal & RecipientProblem => problem !== 'invalid-phone');
    if (blocking) return refused(blocking);
    let trackingNumber = this.stock.next();
    if (!trackingNumber) {
      await this.refill();
      trackingNumber = this.stock.next();
    }
    if (!trackingNumber) return refused('no-tracking-numbers');
    const label = { ...this.shippingLabel(parcel, service, timeSlot, trackingNumber), deliveryDate: dateProblem ? null : deliveryDate };
    const checked = shippingLabelSchema.safeParse(label);
    // Nothing is recorded for a label that cannot be printed: the number stays free and the packer hears why.
    if (!checked.success)
      throw new StationFailure('bad-input', `the shipping label of ${order.orderNo} cannot be printed: ${describeShippingLabelProblems(checked.error)}`);
    for (const member of parcel) this.record('order.packed', { orderId: member.id, service, timeSlot, trackingNumber }, userId);
    const job = await this.deps.printLabel(label);
    this.refillIfLow();
    return { verdict: 'complete', refusal: null, sku: null, order: this.packOrder(order), job };
  }

  /** The parcel's label scanned on the way out: every order under that number is in transit. */
  ship(orderId: string, code: string, userId: string | null): PackStepResult {
    this.beginStep();
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal): PackStepResult => ({ verdict: 'refused', refusal, sku: null, order: this.packOrder(order) });
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return refused('already-shipped');
    if (progress.state !== 'packed' || !progress.trackingNumber) return refused('not-labelled');
    if (normaliseTrackingCode(code) !== progress.trackingNumber) return refused('label-mismatch');
    for (const member of this.labelledWith(order, progress.trackingNumber))
      this.record('order.shipped', { orderId: member.id, trackingNumber: progress.trackingNumber }, userId);
    return { verdict: 'complete', refusal: null, sku: null, order: this.packOrder(order) };
  }

  /** A spoiled label: its number is void for every order of the parcel, which goes back to be labelled again. */
  void(orderId: string, reason: string, userId: string | null): PackStepResult {
    this.beginStep();
    const order = this.order(orderId);
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return { verdict: 'refused', refusal: 'already-shipped', sku: null, order: this.packOrder(order) };
    if (progress.state !== 'packed' || !progress.trackingNumber)
      return { verdict: 'refused', refusal: 'not-labelled', sku: null, order: this.packOrder(order) };
    for (const member of this.labelledWith(order, progress.trackingNumber))
      this.record('label.voided', { orderId: member.id, trackingNumber: progress.trackingNumber, reason }, userId);
    return { verdict: 'accepted', refusal: null, sku: null, order: this.packOrder(order) };
  }

  /** Asks the hub for a new block while this one runs low; quietly later if the hub is away. */
  refillIfLow(): void {
    if (this.stock.left() < refillBelow) void this.refill();
  }

  refill(): Promise<void> {
    this.refilling ??= hubCall(this.deps.hub, 'trackingBlocks.issue', { body: { count: blockSize } })
      .then((block) => this.stock.keep({ id: String(block.id), stationId: block.stationId, firstSerial: block.firstSerial, count: block.count }))
      .catch((error: unknown) => this.deps.log(`could not fetch a tracking block: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.refilling = null;
      });
    return this.refilling;
  }

  private order(orderId: string): CachedOrder {
    const order = this.deps.store.cachedOne('order', orderId);
    if (!order || order.branchCode !== this.deps.branchCode) throw new StationFailure('bad-input', `order ${orderId} is not at this branch`);
    return order;
  }

  /** A step reads the outbox and the cache afresh: the sync may have settled events since the last one. */
  private beginStep(): void {
    this.suggestions.clear();
    this.progressSeen.clear();
  }

  /** Durable before it returns (the outbox is fsynced); what this step read about the orders is stale after it. */
  private record(kind: FloorEventKind, payload: unknown, userId: string | null): void {
    this.deps.record(kind, payload, userId);
    this.progressSeen.clear();
  }

  private cartSiblings(order: CachedOrder): CachedOrder[] {
    if (!order.cartNo) return [];
    return this.deps.store
      .cachedWhere('order', 'cartNo', order.cartNo)
      .filter((other) => other.id !== order.id && other.sellerId === order.sellerId && other.branchCode === this.deps.branchCode);
  }

  /** The orders that go into one box: the order with the rest of its cart. */
  private parcel(order: CachedOrder): CachedOrder[] {
    return [order, ...this.cartSiblings(order)];
  }

  /** The orders of the parcel that carry this tracking number (all of the parcel, unless part of it shipped before). */
  private labelledWith(order: CachedOrder, trackingNumber: string): CachedOrder[] {
    return this.parcel(order).filter((member) => {
      const progress = this.progress(member);
      return progress.state === 'packed' && progress.trackingNumber === trackingNumber;
    });
  }

  /** An order the bench holds because a pick list brought it; one of another branch is not on this bench. */
  private benchOrder(orderId: string): CachedOrder[] {
    const order = this.deps.store.cachedOne('order', orderId);
    return order && order.branchCode === this.deps.branchCode ? [order] : [];
  }

  /** The hub's state, moved on by this station's own events (the latest of them decides) that the hub did not refuse. */
  private progress(order: CachedOrder): Progress {
    const seen = this.progressSeen.get(order.id);
    if (seen) return seen;
    const progress = this.readProgress(order);
    this.progressSeen.set(order.id, progress);
    return progress;
  }

  private readProgress(order: CachedOrder): Progress {
    const scanned = Number(this.deps.store.setting(progressSetting(order.id)) ?? '0');
    const events = this.deps.store.orderEvents(orderKinds, order.id).filter((entry) => entry.state !== 'rejected');
    // The hub's state moved on by this station's own events (the floor overlay, the same rules the hub applies).
    const floor = overlayOrder(order, events);
    const progress: Progress = {
      state: floor.state as PackState,
      service: floor.service as ParcelService | null,
      timeSlot: floor.labelTimeSlot as SagawaTimeSlot | null,
      trackingNumber: floor.trackingNo,
      // A pick is not a pack check: units picked on the pick screen are still scanned one by one into the parcel. A
      // label (even one voided since) means the parcel was whole.
      complete: scanned >= order.quantity || order.state === 'packed' || order.state === 'in_transit' || events.some((entry) => entry.kind !== 'order.picked'),
      packed: scanned,
    };
    if (progress.complete) progress.packed = order.quantity;
    return progress;
  }

  private packOrder(order: CachedOrder): PackOrder {
    const progress = this.progress(order);
    const sku = order.sku ? this.deps.store.cachedOne('sku', order.sku) : null;
    const item = sku ? this.deps.store.cachedOne('inventory-item', sku.inventoryCode) : null;
    const requestedTimeSlot = (sagawaTimeSlots as readonly string[]).includes(order.deliveryTime?.slot ?? '')
      ? (order.deliveryTime!.slot as SagawaTimeSlot)
      : null;
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      cartNo: order.cartNo,
      sellerId: order.sellerId,
      recipientName: order.recipient.name,
      recipientProblems: recipientProblems(order.recipient),
      state: packStates.includes(progress.state) ? progress.state : 'allocated',
      lines: [
        {
          sku: order.sku ?? '',
          itemName: item?.name ?? order.sku ?? '',
          optionName: sku?.name ?? order.optionLabel ?? '',
          jan: sku?.jan ?? null,
          expected: order.quantity,
          packed: progress.packed,
        },
      ],
      complete: progress.complete,
      requestedTimeSlot,
      requestedDeliveryDate: order.deliveryTime?.date ?? null,
      suggestion: this.parcelSuggestion(order, requestedTimeSlot !== null),
      service: progress.service,
      timeSlot: progress.timeSlot,
      trackingNumber: progress.state === 'packed' || progress.state === 'in_transit' ? progress.trackingNumber : null,
    };
  }

  /**
   * One label for the parcel: every order no. of it, the cart no. and all its units; the recipient and QR of its first
   * order by number (a cart has one buyer). Sorted, so the label is the same whichever order the packer had in hand.
   */
  private shippingLabel(parcel: readonly CachedOrder[], service: ParcelService, timeSlot: SagawaTimeSlot | null, trackingNumber: string): ShippingLabelInput {
    const sorted = [...parcel].sort((a, b) => a.orderNo.localeCompare(b.orderNo) || a.id.localeCompare(b.id));
    const [order] = sorted as [CachedOrder];
    return {
      trackingNumber,
      service,
      timeSlot,
      recipient: order.recipient,
      sender: labelSender(this.deps.store, this.deps.branchCode, order.sellerId),
      orderNo: order.orderNo,
      orderNos: sorted.map((member) => member.orderNo),
      cartNo: order.cartNo,
      managementNo: order.source === 'management' ? order.orderNo : null,
      itemCount: parcel.reduce((sum, member) => sum + member.quantity, 0),
      qrPayload: `QWMS:ORDER:${order.id}`,
    };
  }

  /** The service for the whole parcel (every unit of the cart in one box), worked out once per parcel and step. */
  private parcelSuggestion(order: CachedOrder, timeSlotRequested: boolean): PackOrder['suggestion'] {
    const key = `${cartKey(order)}/${timeSlotRequested}`;
    let suggestion = this.suggestions.get(key);
    if (!suggestion) {
      const contents = this.parcel(order).map((member) => ({
        sku: member.sku ? this.deps.store.cachedOne('sku', member.sku) : null,
        quantity: member.quantity,
      }));
      suggestion = suggestFor(contents, timeSlotRequested);
      this.suggestions.set(key, suggestion);
    }
    return suggestion;
  }
}

/** Orders of one seller sharing a cart no. ship together; an order without one is a parcel of its own. */
function cartKey(order: CachedOrder): string {
  return order.cartNo ? `cart/${order.sellerId}/${order.cartNo}` : `order/${order.id}`;
}

function uniqueById(orders: readonly CachedOrder[]): CachedOrder[] {
  return [...new Map(orders.map((order) => [order.id, order])).values()];
}

/** An order id, order/cart no. as typed or scanned, or the label's QR (QWMS:ORDER:<id>). */
function normaliseOrderCode(code: string): string {
  const text = code.trim();
  return text.startsWith('QWMS:ORDER:') ? text.slice('QWMS:ORDER:'.length) : text;
}

/** A scanned NW-7 label: the reader may pass on its A…A start and stop characters, a person may type the hyphens. */
export function normaliseTrackingCode(code: string): string {
  return code
    .trim()
    .replace(/^[A-Da-d]/, '')
    .replace(/[A-Da-d]$/, '')
    .replace(/[-\s]/g, '');
}

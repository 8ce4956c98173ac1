import { StationFailure } from '../../../shared/contract/errors';
import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { PackingRefusal, PackLabelResult, PackOrder, PackStepResult, PackView } from '../../../shared/contract/packing';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { parcelServiceRules, sagawaTimeSlots, suggestService, type ParcelService, type SagawaTimeSlot } from '../../../shared/domain/parcel-services';
import { callHub, type HubCredentials } from '../hub-client/hub-http';
import { shippingLabelSchema, describeShippingLabelProblems, type ShippingLabelInput } from '../printing/shipping-label';
import type { StationStore } from '../store/station-store';
import { blockSize, refillBelow, TrackingStock } from './tracking-stock';

/** An order as the hub's changes feed carries it (the hub's order view). */
export interface CachedOrder {
  id: string;
  sellerId: string;
  source: string;
  orderNo: string;
  cartNo: string | null;
  optionLabel: string | null;
  sku: string | null;
  quantity: number;
  recipient: { name: string; phone: string; postalCode: string; address: string };
  deliveryTime: { date: string; slot: string | null } | null;
  state: string;
  branchCode: string | null;
  trackingNo: string | null;
  service?: string | null;
}

interface CachedSku {
  sku: string;
  inventoryCode: string;
  name: string;
  sellerSkuCode: string | null;
  jan: string | null;
  sellerId: string;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  weightG: number | null;
}

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
/** The warehouse as the label's sender; a station setting (`packing.sender`, JSON) overrides it. */
export const defaultSender: Party = { name: 'Qxpress Japan 船橋センター', postalCode: '273-0012', address: '千葉県船橋市浜町2-1-1 Qxpress物流センター', phone: '047-000-0000' };

export interface PackingDeps {
  store: StationStore;
  branchCode: string;
  hub: HubCredentials;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): void;
  /** Queues the shipping label on the station's label printer. */
  printLabel(label: ShippingLabelInput): Promise<PrintJobStatus>;
  log(message: string): void;
}

/**
 * The pack bench: scan the order (or its cart), scan every unit against it, label it from the station's own tracking
 * block, scan the label out. It answers from the orders pulled from the hub and its own outbox, so it keeps working
 * while the hub is away; every step is an outbox event (or, for a single unit's scan, a store row) before it answers.
 */
export class PackingService {
  readonly stock: TrackingStock;
  private refilling: Promise<void> | null = null;

  constructor(private readonly deps: PackingDeps) {
    this.stock = new TrackingStock(deps.store, deps.hub.stationId);
  }

  open(code: string): PackView {
    const wanted = normaliseOrderCode(code);
    const all = this.deps.store.cached<CachedOrder>('order');
    const found = all.filter((order) => order.id === wanted || order.orderNo === wanted || order.cartNo === wanted);
    this.refillIfLow();
    const view = (orders: CachedOrder[], refusal: PackingRefusal | null): PackView => ({ orders: orders.map((order) => this.packOrder(order)), refusal, trackingNumbersLeft: this.stock.left() });
    if (found.length === 0) return view([], 'unknown-order');
    const here = found.filter((order) => order.branchCode === this.deps.branchCode);
    if (here.length === 0) return view([], 'order-other-branch');
    // An order of a cart brings the whole cart: it ships only with every item.
    const carts = new Set(here.flatMap((order) => (order.cartNo ? [`${order.sellerId}/${order.cartNo}`] : [])));
    const orders = all
      .filter((order) => order.branchCode === this.deps.branchCode && (here.includes(order) || (order.cartNo !== null && carts.has(`${order.sellerId}/${order.cartNo}`))))
      .filter((order) => packStates.includes(this.progress(order).state) && packStates.includes(order.state))
      .sort((a, b) => a.orderNo.localeCompare(b.orderNo));
    if (orders.length === 0) return view([], 'order-not-packable');
    return view(orders, null);
  }

  scan(orderId: string, code: string, userId: string | null): PackStepResult {
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal, sku: string | null = null): PackStepResult => ({ verdict: 'refused', refusal, sku, order: this.packOrder(order) });
    const state = this.progress(order).state;
    if (state === 'in_transit') return refused('already-shipped');
    if (state === 'packed') return refused('already-labelled');
    const sku = this.resolveSku(code.trim(), order.sellerId);
    if (!sku) return refused('unknown-item');
    // A unit of another order of the same cart counts there, if that order still needs it.
    const target = order.sku === sku.sku ? order : this.cartSiblings(order).find((sibling) => sibling.sku === sku.sku && !this.progress(sibling).complete && this.progress(sibling).state !== 'packed');
    if (!target) return refused('not-in-order', sku.sku);
    const progress = this.progress(target);
    if (progress.complete) return { verdict: 'refused', refusal: 'extra-item', sku: sku.sku, order: this.packOrder(target) };
    const packed = progress.packed + 1;
    // The store is fsynced: a unit counted here is still counted after a crash.
    this.deps.store.setSetting(progressSetting(target.id), String(packed));
    if (packed < target.quantity) return { verdict: 'accepted', refusal: null, sku: sku.sku, order: this.packOrder(target) };
    if (progress.state === 'allocated') this.deps.record('order.picked', { orderId: target.id, sku: sku.sku, quantity: target.quantity }, userId);
    return { verdict: 'complete', refusal: null, sku: sku.sku, order: this.packOrder(target) };
  }

  async label(orderId: string, service: ParcelService, timeSlot: SagawaTimeSlot | null, userId: string | null): Promise<PackLabelResult> {
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal): PackLabelResult => ({ verdict: 'refused', refusal, sku: null, order: this.packOrder(order), job: null });
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return refused('already-shipped');
    if (progress.state === 'packed') return refused('already-labelled');
    if (!progress.complete) return refused('not-complete');
    if (timeSlot !== null && !parcelServiceRules[service].offersTimeSlots) return refused('time-slot-sagawa-only');
    let trackingNumber = this.stock.next();
    if (!trackingNumber) {
      await this.refill();
      trackingNumber = this.stock.next();
    }
    if (!trackingNumber) return refused('no-tracking-numbers');
    const label = this.shippingLabel(order, service, timeSlot, trackingNumber);
    const checked = shippingLabelSchema.safeParse(label);
    // Nothing is recorded for a label that cannot be printed: the number stays free and the packer hears why.
    if (!checked.success) throw new StationFailure('bad-input', `the shipping label of ${order.orderNo} cannot be printed: ${describeShippingLabelProblems(checked.error)}`);
    this.deps.record('order.packed', { orderId: order.id, service, timeSlot, trackingNumber }, userId);
    const job = await this.deps.printLabel(label);
    this.refillIfLow();
    return { verdict: 'complete', refusal: null, sku: null, order: this.packOrder(order), job };
  }

  ship(orderId: string, code: string, userId: string | null): PackStepResult {
    const order = this.order(orderId);
    const refused = (refusal: PackingRefusal): PackStepResult => ({ verdict: 'refused', refusal, sku: null, order: this.packOrder(order) });
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return refused('already-shipped');
    if (progress.state !== 'packed' || !progress.trackingNumber) return refused('not-labelled');
    if (normaliseTrackingCode(code) !== progress.trackingNumber) return refused('label-mismatch');
    this.deps.record('order.shipped', { orderId: order.id, trackingNumber: progress.trackingNumber }, userId);
    return { verdict: 'complete', refusal: null, sku: null, order: this.packOrder(order) };
  }

  void(orderId: string, reason: string, userId: string | null): PackStepResult {
    const order = this.order(orderId);
    const progress = this.progress(order);
    if (progress.state === 'in_transit') return { verdict: 'refused', refusal: 'already-shipped', sku: null, order: this.packOrder(order) };
    if (progress.state !== 'packed' || !progress.trackingNumber) return { verdict: 'refused', refusal: 'not-labelled', sku: null, order: this.packOrder(order) };
    this.deps.record('label.voided', { orderId: order.id, trackingNumber: progress.trackingNumber, reason }, userId);
    return { verdict: 'accepted', refusal: null, sku: null, order: this.packOrder(order) };
  }

  /** Asks the hub for a new block while this one runs low; quietly later if the hub is away. */
  refillIfLow(): void {
    if (this.stock.left() < refillBelow) void this.refill();
  }

  refill(): Promise<void> {
    this.refilling ??= callHub<{ id: number; stationId: string; firstSerial: number; count: number }>(this.deps.hub, { method: 'POST', path: '/api/v1/tracking-blocks', body: { count: blockSize } })
      .then((block) => this.stock.keep({ id: String(block.id), stationId: block.stationId, firstSerial: block.firstSerial, count: block.count }))
      .catch((error: unknown) => this.deps.log(`could not fetch a tracking block: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.refilling = null;
      });
    return this.refilling;
  }

  private order(orderId: string): CachedOrder {
    const order = this.deps.store.cachedOne<CachedOrder>('order', orderId);
    if (!order || order.branchCode !== this.deps.branchCode) throw new StationFailure('bad-input', `order ${orderId} is not at this branch`);
    return order;
  }

  private cartSiblings(order: CachedOrder): CachedOrder[] {
    if (!order.cartNo) return [];
    return this.deps.store
      .cached<CachedOrder>('order')
      .filter((other) => other.id !== order.id && other.cartNo === order.cartNo && other.sellerId === order.sellerId && other.branchCode === this.deps.branchCode);
  }

  /** The hub's state, moved on by this station's own events (the latest of them decides) that the hub did not refuse. */
  progress(order: CachedOrder): Progress {
    const scanned = Number(this.deps.store.setting(progressSetting(order.id)) ?? '0');
    const events = this.deps.store.eventsOfKinds(orderKinds).filter((entry) => entry.state !== 'rejected' && (entry.payload as { orderId: string }).orderId === order.id);
    const hubState = order.state as PackState;
    let progress: Progress = {
      state: hubState,
      service: (order.service as ParcelService | null | undefined) ?? null,
      timeSlot: null,
      trackingNumber: order.trackingNo,
      complete: scanned >= order.quantity || hubState === 'packed' || hubState === 'in_transit',
      packed: scanned,
    };
    if (hubState !== 'in_transit') {
      for (const entry of events) {
        const payload = entry.payload as { trackingNumber?: string; service?: ParcelService; timeSlot?: SagawaTimeSlot | null };
        if (entry.kind === 'order.picked') progress = { ...progress, state: 'picked', complete: true };
        if (entry.kind === 'order.packed') progress = { ...progress, state: 'packed', complete: true, trackingNumber: payload.trackingNumber ?? null, service: payload.service ?? null, timeSlot: payload.timeSlot ?? null };
        if (entry.kind === 'order.shipped') progress = { ...progress, state: 'in_transit', complete: true };
        if (entry.kind === 'label.voided') progress = { ...progress, state: 'picked', complete: true, trackingNumber: null, service: null, timeSlot: null };
      }
    }
    if (progress.complete) progress.packed = order.quantity;
    return progress;
  }

  private packOrder(order: CachedOrder): PackOrder {
    const progress = this.progress(order);
    const sku = order.sku ? this.deps.store.cachedOne<CachedSku>('sku', order.sku) : null;
    const item = sku ? this.deps.store.cachedOne<{ name: string }>('inventory-item', sku.inventoryCode) : null;
    const requestedTimeSlot = (sagawaTimeSlots as readonly string[]).includes(order.deliveryTime?.slot ?? '') ? (order.deliveryTime!.slot as SagawaTimeSlot) : null;
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      cartNo: order.cartNo,
      sellerId: order.sellerId,
      recipientName: order.recipient.name,
      state: packStates.includes(progress.state) ? progress.state : 'allocated',
      lines: [{ sku: order.sku ?? '', itemName: item?.name ?? order.sku ?? '', optionName: sku?.name ?? order.optionLabel ?? '', jan: sku?.jan ?? null, expected: order.quantity, packed: progress.packed }],
      complete: progress.complete,
      requestedTimeSlot,
      suggestion: suggestFor(sku, order.quantity, requestedTimeSlot !== null),
      service: progress.service,
      timeSlot: progress.timeSlot,
      trackingNumber: progress.state === 'packed' || progress.state === 'in_transit' ? progress.trackingNumber : null,
    };
  }

  private shippingLabel(order: CachedOrder, service: ParcelService, timeSlot: SagawaTimeSlot | null, trackingNumber: string): ShippingLabelInput {
    const saved = this.deps.store.setting('packing.sender');
    const sender = saved ? (JSON.parse(saved) as Party) : defaultSender;
    const management = order.source === 'management';
    return {
      trackingNumber,
      service,
      timeSlot,
      recipient: order.recipient,
      sender,
      orderNo: order.orderNo,
      cartNo: order.cartNo,
      managementNo: management ? order.orderNo : null,
      itemCount: order.quantity,
      qrPayload: `QWMS:ORDER:${order.id}`,
    };
  }

  private resolveSku(code: string, sellerId: string): CachedSku | null {
    const asSku = /^(?:\]C0)?(3\d{11})[-/:](\d{5})$/.exec(code);
    if (asSku) return this.deps.store.cachedOne<CachedSku>('sku', `${asSku[1]}-${asSku[2]}`) ?? null;
    const all = this.deps.store.cached<CachedSku>('sku');
    const byJan = all.filter((sku) => sku.jan === code);
    if (byJan.length > 0) return byJan.find((sku) => sku.sellerId === sellerId) ?? byJan[0] ?? null;
    return all.find((sku) => sku.sellerSkuCode === code && sku.sellerId === sellerId) ?? null;
  }
}

/** The service by the packed size: the SKU's dimensions with its units stacked on their thinnest side. */
export function suggestFor(sku: Pick<CachedSku, 'lengthCm' | 'widthCm' | 'heightCm' | 'weightG'> | null, quantity: number, timeSlotRequested: boolean): PackOrder['suggestion'] {
  const fallback = (note: NonNullable<PackOrder['suggestion']['note']>): PackOrder['suggestion'] => ({ service: timeSlotRequested ? 'sagawa' : 'yamato', sizeClass: null, note });
  if (!sku || sku.lengthCm === null || sku.widthCm === null || sku.heightCm === null || sku.weightG === null) return fallback('no-dimensions');
  const [a, b, c] = [sku.lengthCm, sku.widthCm, sku.heightCm].sort((x, y) => y - x) as [number, number, number];
  const suggestion = suggestService({ lengthCm: a, widthCm: b, heightCm: c * quantity, weightG: sku.weightG * quantity, timeSlotRequested });
  if (!suggestion.ok) return fallback(suggestion.reason);
  return { service: suggestion.service, sizeClass: suggestion.service === 'nekopos' ? null : suggestion.sizeClass, note: null };
}

/** An order id, order/cart no. as typed or scanned, or the label's QR (QWMS:ORDER:<id>). */
function normaliseOrderCode(code: string): string {
  const text = code.trim();
  return text.startsWith('QWMS:ORDER:') ? text.slice('QWMS:ORDER:'.length) : text;
}

/** A scanned NW-7 label: the reader may pass on its A…A start and stop characters, a person may type the hyphens. */
export function normaliseTrackingCode(code: string): string {
  return code.trim().replace(/^[A-Da-d]/, '').replace(/[A-Da-d]$/, '').replace(/[-\s]/g, '');
}

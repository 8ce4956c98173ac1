import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import { dueShipDay, isDueToday, type CutoffOrder } from '../../shared/domain/cutoffs';
import { sellerIdSchema, skuSchema } from '../../shared/domain/identifiers';
import {
  deliveryTimeSchema,
  managementNoSchema,
  managementShipmentSchema,
  orderQuantitySchema,
  qoo10PaidOrderSchema,
  recipientSchema,
  type ManagementShipment,
  type Qoo10PaidOrder,
} from '../../shared/domain/orders';
import { parcelServiceSchema } from '../../shared/domain/parcel-services';
import { reasonCode } from '../../shared/domain/reason-code';
import { addDays, startOfTokyoDay, tokyoDate, tokyoDateSchema } from '../../shared/domain/tokyo-time';
import { HubError, notFound } from '../api/hub-error';
import { isUniqueViolation } from '../storage/constraint-errors';
import type { HubDatabase, OrdersTable } from '../storage/schema';

export type OrderRow = Selectable<OrdersTable>;
type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** Qoo10 orders arrive paid; other-platform shipments are registered by the seller under a management no. */
export const orderSources = ['qoo10', 'management'] as const;
export type OrderSource = (typeof orderSources)[number];

/**
 * An order's life in the hub. `paid`: received and waiting for allocation (a Qoo10 order paid by the buyer, or a
 * management-no. shipment just registered). `allocated`: a branch holds stock for it. `held`: un-allocated by hand;
 * the automatic run leaves it alone until someone allocates it by hand again, otherwise the next run would undo
 * the un-allocation at once. Then the floor (server/sync/packing-events.ts): `picked`, its units off the shelf;
 * `packed`, in its parcel with a label (tracking no. and service set; a voided label sends it back to `picked`);
 * `in_transit`, the label scanned on the way out, the pick posted to the ledger and the number queued for upload.
 */
export const orderStates = ['paid', 'held', 'allocated', 'picked', 'packed', 'in_transit'] as const;
export type OrderState = (typeof orderStates)[number];

/** The state of an order un-allocated by hand. */
export const heldByHand: OrderState = 'held';

/** Orders the automatic run allocates. */
export const autoAllocatableStates: readonly string[] = ['paid'];
/** Orders someone may allocate by hand. */
export const handAllocatableStates: readonly string[] = ['paid', heldByHand];
/**
 * Allocated orders whose units are still counted in the branch balance: the pick movement is posted when the packed
 * parcel is scanned out (`in_transit`), so until then their quantities are reserved and not available to other
 * orders. Picked and packed units are off the shelf but still on the books, hence reserved too.
 */
export const stockReservingStates: readonly string[] = ['allocated', 'picked', 'packed'];
/**
 * Un-allocating is possible only before packing: a picked order's units go back on the shelf. A packed order
 * carries a label with a tracking number; its label must be voided first (back to `picked`).
 */
export const unallocatableStates: readonly string[] = ['allocated', 'picked'];

export const orderViewSchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  source: z.enum(orderSources),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  listingId: z.string().nullable(),
  optionLabel: z.string().nullable(),
  /** Null for a Qoo10 line whose listing option is not linked to a SKU: it waits as not-linked. */
  sku: z.string().nullable(),
  quantity: z.int(),
  recipient: z.object({ name: z.string(), phone: z.string(), postalCode: z.string(), address: z.string() }),
  deliveryMethod: z.string().nullable(),
  deliveryTime: z.object({ date: z.string(), slot: z.string().nullable() }).nullable(),
  desiredShipDate: z.string().nullable(),
  paidAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  shipsWithin14Days: z.boolean(),
  dueShipDate: z.string(),
  state: z.string(),
  branchCode: z.string().nullable(),
  allocatedAt: z.string().nullable(),
  trackingNo: z.string().nullable(),
  /** The parcel service on the label (nekopos, yamato, sagawa), once packed; cleared with a voided label. */
  service: z.string().nullable(),
  /** The Sagawa time slot printed on the label (not the one asked for: that is deliveryTime). */
  labelTimeSlot: z.string().nullable(),
  shippedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

/**
 * The cut-off input of an order. A management shipment keeps its registration time in paid_at: it is the instant
 * the 13:00 cut-off counts from, as the payment time is for Qoo10's 16:00.
 */
export function cutoffOrderOf(row: Pick<OrderRow, 'source' | 'paid_at' | 'desired_ship_date'>): CutoffOrder {
  return row.source === 'management'
    ? { registeredAt: row.paid_at, desiredShipDate: row.desired_ship_date }
    : { paidAt: row.paid_at, desiredShipDate: row.desired_ship_date };
}

// A Sagawa delivery time is kept in time_slot as 'YYYY-MM-DD' or 'YYYY-MM-DD <slot>'.
const formatDeliveryTime = (time: { date: string; slot?: string | undefined } | undefined) => (time ? [time.date, time.slot].filter(Boolean).join(' ') : null);
function parseDeliveryTime(text: string | null): OrderView['deliveryTime'] {
  if (!text) return null;
  const [date, slot] = text.split(' ');
  return { date: date!, slot: slot ?? null };
}

export function toOrderView(row: OrderRow): OrderView {
  const management = row.source === 'management';
  return {
    id: row.id,
    sellerId: row.seller_id,
    source: row.source as OrderSource,
    orderNo: row.order_no,
    cartNo: row.cart_no,
    listingId: row.listing_id,
    optionLabel: row.option_label,
    sku: row.sku,
    quantity: row.quantity,
    recipient: { name: row.recipient_name, phone: row.recipient_phone, postalCode: row.postal_code, address: row.address },
    deliveryMethod: row.delivery_method,
    deliveryTime: parseDeliveryTime(row.time_slot),
    desiredShipDate: row.desired_ship_date,
    paidAt: management ? null : row.paid_at,
    registeredAt: management ? row.paid_at : null,
    shipsWithin14Days: row.ships_within_14_days === 1,
    dueShipDate: dueShipDay(cutoffOrderOf(row)),
    state: row.state,
    branchCode: row.branch_code,
    allocatedAt: row.allocated_at,
    trackingNo: row.tracking_no,
    service: row.service,
    labelTimeSlot: row.label_time_slot,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
  };
}

/** Splits a list for IN (…) lists and multi-row inserts, which both databases cap by the number of parameters. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Adds `value` to the list kept under `key` (in place: batches run to a hundred thousand lines). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---- batches: every line checked, every problem reported, all or nothing -------------------------------------

export const maxBatchLines = 10_000;

/** One problem of one line: its index in the posted array, the field (dotted path), and a reason code. */
export const lineProblemSchema = z.object({ index: z.int(), field: z.string(), reason: z.string() });
export type LineProblem = z.infer<typeof lineProblemSchema>;

const conflictReasons = new Set(['duplicate-order-no', 'duplicate-management-no']);

/** A refused batch: 409 when the only problems are order numbers already taken, 400 otherwise. */
function refuseLines(problems: LineProblem[]): HubError {
  problems.sort((a, b) => a.index - b.index);
  const shown = problems.slice(0, 10).map((p) => `[${p.index}] ${p.field}: ${p.reason}`);
  if (problems.length > shown.length) shown.push('…');
  const lineCount = new Set(problems.map((p) => p.index)).size;
  const status = problems.every((p) => conflictReasons.has(p.reason)) ? 409 : 400;
  return new HubError('order-lines-refused', status, { count: lineCount, lines: shown.join('; ') }, problems);
}

function problemsOf(index: number, issues: readonly z.core.$ZodIssue[]): LineProblem[] {
  return issues.map((issue) => {
    // A strict schema reports unknown keys on the line itself: name them, they are what the caller must fix.
    if (issue.code === 'unrecognized_keys') return { index, field: issue.keys.join(','), reason: 'unknown-field' };
    return { index, field: issue.path.join('.') || '(line)', reason: issue.message };
  });
}

/** Parses each line on its own, so one bad line neither hides the others nor stops the batch from being reported whole. */
function parseLines<S extends z.ZodType>(lines: readonly unknown[], schema: S, problems: LineProblem[]): (z.output<S> | null)[] {
  return lines.map((line, index) => {
    const result = schema.safeParse(line);
    if (result.success) return result.data;
    problems.push(...problemsOf(index, result.error.issues));
    return null;
  });
}

/** Who is importing: a seller user may only name its own seller; staff may name any seller that exists. */
export interface BatchScope {
  ownSeller: string | null;
}

/** A line naming a seller the caller may not act for reads as an unknown seller, whether or not it exists. */
async function checkSellers(trx: Db, sellerIds: (string | null)[], scope: BatchScope, problems: LineProblem[]): Promise<void> {
  const named = [...new Set(sellerIds.filter((id): id is string => id !== null))];
  const existing = new Set<string>();
  for (const chunk of chunked(named, 500)) {
    for (const row of await trx.selectFrom('sellers').select('id').where('id', 'in', chunk).execute()) existing.add(row.id);
  }
  sellerIds.forEach((id, index) => {
    if (id === null) return;
    if (!existing.has(id) || (scope.ownSeller !== null && id !== scope.ownSeller)) problems.push({ index, field: 'sellerId', reason: 'unknown-seller' });
  });
}

/** An order no. is unique per seller: against the stored orders and within the batch itself. */
async function checkOrderNos(trx: Db, keys: ({ sellerId: string; orderNo: string } | null)[], field: string, reason: string, problems: LineProblem[]): Promise<void> {
  const key = (sellerId: string, orderNo: string) => `${sellerId}\u0000${orderNo}`;
  const taken = new Set<string>();
  const bySeller = new Map<string, string[]>();
  for (const k of keys) if (k) appendTo(bySeller, k.sellerId, k.orderNo);
  for (const [sellerId, orderNos] of bySeller) {
    for (const chunk of chunked([...new Set(orderNos)], 500)) {
      const rows = await trx.selectFrom('orders').select('order_no').where('seller_id', '=', sellerId).where('order_no', 'in', chunk).execute();
      for (const row of rows) taken.add(key(sellerId, row.order_no));
    }
  }
  keys.forEach((k, index) => {
    if (!k) return;
    const id = key(k.sellerId, k.orderNo);
    if (taken.has(id)) problems.push({ index, field, reason });
    taken.add(id); // a second line with the same no. in this batch is a duplicate of the first
  });
}

async function insertOrders(trx: Transaction<HubDatabase>, rows: Insertable<OrdersTable>[]): Promise<void> {
  try {
    for (const chunk of chunked(rows, 200)) await trx.insertInto('orders').values(chunk).execute();
  } catch (error) {
    // Only a concurrent batch with the same order no. gets here: the checks above saw it free a moment ago.
    if (isUniqueViolation(error)) throw new HubError('duplicate', 409, { what: 'order', id: String(rows[0]?.order_no ?? '') });
    throw error;
  }
}

function newOrderRow(now: Date, fields: Omit<Insertable<OrdersTable>, 'id' | 'state' | 'branch_code' | 'allocated_at' | 'tracking_no' | 'service' | 'shipped_at' | 'created_at'>): Insertable<OrdersTable> {
  return { ...fields, id: `o-${randomUUID()}`, state: 'paid', branch_code: null, allocated_at: null, tracking_no: null, service: null, shipped_at: null, created_at: now.toISOString() };
}

// ---- Qoo10 paid orders -------------------------------------------------------------------------------------

type ListingLinks = { sellerId: string; skuByLabel: Map<string, string>; linkedSkus: Set<string> };

async function listingLinks(trx: Db, listingIds: string[]): Promise<Map<string, ListingLinks>> {
  const listings = new Map<string, ListingLinks>();
  for (const chunk of chunked([...new Set(listingIds)], 500)) {
    for (const row of await trx.selectFrom('listings').select(['id', 'seller_id']).where('id', 'in', chunk).execute()) {
      listings.set(row.id, { sellerId: row.seller_id, skuByLabel: new Map(), linkedSkus: new Set() });
    }
    for (const link of await trx.selectFrom('listing_links').selectAll().where('listing_id', 'in', chunk).execute()) {
      const listing = listings.get(link.listing_id);
      listing?.skuByLabel.set(link.option_label, link.sku);
      listing?.linkedSkus.add(link.sku);
    }
  }
  return listings;
}

/** The SKU a Qoo10 line ships, through the listing's links only (by option label, else by SKU); null when not linked. */
function linkedSku(order: Qoo10PaidOrder, listing: ListingLinks): string | null {
  const byLabel = order.option.label === undefined ? undefined : listing.skuByLabel.get(order.option.label);
  if (byLabel) return byLabel;
  return order.option.sku !== undefined && listing.linkedSkus.has(order.option.sku) ? order.option.sku : null;
}

/**
 * Stores a batch of Qoo10 "buyer paid" lines as `paid` orders, all or none. A line whose listing option is not
 * linked to a SKU is stored all the same, without a SKU, and waits as not-linked: the order is real and the seller
 * fixes the link, not the order. A listing the hub does not know (or another seller's) refuses the line.
 */
export async function importQoo10Orders(db: Kysely<HubDatabase>, lines: readonly unknown[], scope: BatchScope, now = new Date()): Promise<OrderRow[]> {
  const problems: LineProblem[] = [];
  const orders = parseLines(lines, qoo10PaidOrderSchema, problems);
  return db.transaction().execute(async (trx) => {
    await checkSellers(trx, orders.map((o) => o?.sellerId ?? null), scope, problems);
    await checkOrderNos(trx, orders.map((o) => o && { sellerId: o.sellerId, orderNo: o.orderNo }), 'orderNo', 'duplicate-order-no', problems);
    const listings = await listingLinks(trx, orders.flatMap((o) => (o ? [o.itemNo] : [])));
    orders.forEach((o, index) => {
      if (o && listings.get(o.itemNo)?.sellerId !== o.sellerId) problems.push({ index, field: 'itemNo', reason: 'unknown-listing' });
    });
    if (problems.length > 0) throw refuseLines(problems);

    const rows = (orders as Qoo10PaidOrder[]).map((o) => {
      const listing = listings.get(o.itemNo)!;
      const sku = linkedSku(o, listing);
      const label = o.option.label ?? [...listing.skuByLabel].find(([, linked]) => linked === sku)?.[0] ?? null;
      return newOrderRow(now, {
        seller_id: o.sellerId,
        source: 'qoo10',
        order_no: o.orderNo,
        cart_no: o.cartNo,
        listing_id: o.itemNo,
        sku,
        option_label: label,
        quantity: o.quantity,
        recipient_name: o.recipient.name,
        recipient_phone: o.recipient.phone,
        postal_code: o.recipient.postalCode,
        address: o.recipient.address,
        delivery_method: null,
        time_slot: null,
        desired_ship_date: o.desiredShipDate ?? null,
        // Stored in UTC like every hub timestamp, so day boundaries compare as text.
        paid_at: new Date(o.paidAt).toISOString(),
        ships_within_14_days: o.shipsWithin14Days ? 1 : 0,
      });
    });
    await insertOrders(trx, rows);
    return rows as OrderRow[];
  });
}

// ---- management-no. shipments ------------------------------------------------------------------------------

/**
 * A management-no. line as the seller sends it: the SKU by its full code or by the seller's own SKU code; the
 * registration time is the hub's clock, never the caller's.
 */
export const managementLineSchema = z
  .object({
    sellerId: sellerIdSchema,
    managementNo: managementNoSchema,
    sku: skuSchema.optional(),
    sellerSkuCode: z.string({ error: reasonCode('invalid-seller-sku-code') }).trim().min(1).max(100).optional(),
    quantity: orderQuantitySchema,
    recipient: recipientSchema,
    deliveryMethod: parcelServiceSchema,
    deliveryTime: deliveryTimeSchema.optional(),
    desiredShipDate: tokyoDateSchema.optional(),
  })
  .strict()
  .refine((line) => (line.sku === undefined) !== (line.sellerSkuCode === undefined), { error: 'sku-or-seller-sku-code', path: ['sku'] });
type ManagementLine = z.output<typeof managementLineSchema>;

/** Full SKU → owning seller, and (seller, seller SKU code) → the SKUs carrying that code. */
async function skuOwners(trx: Db, lines: ManagementLine[]) {
  const owners = new Map<string, string>();
  const byCode = new Map<string, string[]>();
  const base = () =>
    trx
      .selectFrom('inventory_options')
      .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
      .select(['inventory_options.sku', 'inventory_options.seller_sku_code', 'inventory_items.seller_id']);
  for (const chunk of chunked([...new Set(lines.flatMap((l) => (l.sku ? [l.sku] : [])))], 500)) {
    for (const row of await base().where('inventory_options.sku', 'in', chunk).execute()) owners.set(row.sku, row.seller_id);
  }
  for (const chunk of chunked([...new Set(lines.flatMap((l) => (l.sellerSkuCode ? [l.sellerSkuCode] : [])))], 500)) {
    for (const row of await base().where('inventory_options.seller_sku_code', 'in', chunk).execute()) {
      appendTo(byCode, `${row.seller_id}\u0000${row.seller_sku_code}`, row.sku);
    }
  }
  return { owners, skusByCode: (sellerId: string, code: string) => byCode.get(`${sellerId}\u0000${code}`) ?? [] };
}

/**
 * Registers other-platform shipments, all or none. Each line names one SKU of the seller; the delivery-time rules
 * (Sagawa only, within two days of registering) are the domain's, checked once the SKU is known.
 */
export async function registerManagementShipments(db: Kysely<HubDatabase>, lines: readonly unknown[], scope: BatchScope, now = new Date()): Promise<OrderRow[]> {
  const problems: LineProblem[] = [];
  const parsed = parseLines(lines, managementLineSchema, problems);
  return db.transaction().execute(async (trx) => {
    await checkSellers(trx, parsed.map((l) => l?.sellerId ?? null), scope, problems);
    await checkOrderNos(trx, parsed.map((l) => l && { sellerId: l.sellerId, orderNo: l.managementNo }), 'managementNo', 'duplicate-management-no', problems);
    const { owners, skusByCode } = await skuOwners(trx, parsed.filter((l): l is ManagementLine => l !== null));
    const shipments: (ManagementShipment | null)[] = parsed.map((line, index) => {
      if (!line) return null;
      let sku = line.sku;
      if (sku !== undefined && owners.get(sku) !== line.sellerId) {
        problems.push({ index, field: 'sku', reason: 'unknown-sku' });
        return null;
      }
      if (line.sellerSkuCode !== undefined) {
        const matches = skusByCode(line.sellerId, line.sellerSkuCode);
        if (matches.length !== 1) {
          problems.push({ index, field: 'sellerSkuCode', reason: matches.length === 0 ? 'unknown-seller-sku-code' : 'ambiguous-seller-sku-code' });
          return null;
        }
        sku = matches[0];
      }
      const { sellerSkuCode: _code, ...rest } = line;
      const checked = managementShipmentSchema.safeParse({ ...rest, sku, registeredAt: now.toISOString() });
      if (checked.success) return checked.data;
      problems.push(...problemsOf(index, checked.error.issues));
      return null;
    });
    if (problems.length > 0) throw refuseLines(problems);

    const rows = (shipments as ManagementShipment[]).map((s) =>
      newOrderRow(now, {
        seller_id: s.sellerId,
        source: 'management',
        order_no: s.managementNo,
        cart_no: null,
        listing_id: null,
        sku: s.sku,
        option_label: null,
        quantity: s.quantity,
        recipient_name: s.recipient.name,
        recipient_phone: s.recipient.phone,
        postal_code: s.recipient.postalCode,
        address: s.recipient.address,
        delivery_method: s.deliveryMethod,
        time_slot: formatDeliveryTime(s.deliveryTime),
        desired_ship_date: s.desiredShipDate ?? null,
        paid_at: now.toISOString(),
        ships_within_14_days: 0,
      }),
    );
    await insertOrders(trx, rows);
    return rows as OrderRow[];
  });
}

// ---- reading -----------------------------------------------------------------------------------------------

/** An order the caller may see: a seller user's view of another seller's order is "not found". */
export async function findOrder(db: Db, orderId: string, ownSeller: string | null): Promise<OrderRow> {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (ownSeller) query = query.where('seller_id', '=', ownSeller);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('order', orderId);
  return row;
}

export interface OrderQuery {
  sellerId: string | null;
  state?: string | undefined;
  source?: OrderSource | undefined;
  /** Unshipped orders whose ship day (by cut-off and scheduled date) is today or already past. */
  dueToday?: boolean | undefined;
  limit: number;
  offset: number;
  now?: Date;
}

export async function listOrders(db: Db, query: OrderQuery): Promise<OrderRow[]> {
  const now = query.now ?? new Date();
  let select = db.selectFrom('orders').selectAll().orderBy('paid_at').orderBy('id');
  if (query.sellerId) select = select.where('seller_id', '=', query.sellerId);
  if (query.state) select = select.where('state', '=', query.state);
  if (query.source) select = select.where('source', '=', query.source);
  if (!query.dueToday) return select.limit(query.limit).offset(query.offset).execute();

  // The database narrows to orders that could be due (received before today ended, not scheduled later); the
  // cut-off rule itself decides, so it is written once, in shared/domain/cutoffs.
  const today = tokyoDate(now);
  const rows = await select
    .where('shipped_at', 'is', null)
    .where('paid_at', '<', startOfTokyoDay(addDays(today, 1)).toISOString())
    .where((eb) => eb.or([eb('desired_ship_date', 'is', null), eb('desired_ship_date', '<=', today)]))
    .execute();
  return rows.filter((row) => isDueToday(cutoffOrderOf(row), now)).slice(query.offset, query.offset + query.limit);
}

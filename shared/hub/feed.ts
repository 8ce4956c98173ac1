import { z } from 'zod';
import { bundleStates } from '../domain/bundle-states';
import { orderStates } from './routes/orders';

/**
 * The hub's changes feed, as one union keyed by entity: for each entity the hub publishes, the zod schema of its
 * `data`. The hub's recordChange is typed by it (a wrong shape fails tsc) and the station checks every change it pulls
 * against it before its screens read the cache.
 *
 * Hubs and stations are upgraded on different days, so every object is loose: a field a station does not know (a
 * newer hub) is kept and ignored, never refused. A field is required only where a station reads it (a hub that drops
 * another one breaks nobody), and one added to a view after the first floor release is optional, so an older hub's
 * entries still read. No defaults or transforms: the cached JSON is what the hub sent.
 */

/** Sent with every changes page: the version of this map. Raised when an entity is added or a field changes meaning. */
export const feedVersion = 1;

const orderRecipient = z.looseObject({ name: z.string(), phone: z.string(), postalCode: z.string(), address: z.string() });

/** An order (the hub's order view, server/services/orders.ts): packing, picking and the manifest read it. */
export const orderFeedSchema = z.looseObject({
  id: z.string(),
  sellerId: z.string(),
  source: z.string(),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  optionLabel: z.string().nullable(),
  /** Null for a Qoo10 line whose listing option is not linked to a SKU. */
  sku: z.string().nullable(),
  quantity: z.int(),
  recipient: orderRecipient,
  deliveryTime: z.looseObject({ date: z.string(), slot: z.string().nullable() }).nullable(),
  /**
   * A state a station does not know (a newer hub's) makes the entry unreadable: kept, shown as a status-bar problem,
   * never packed or picked on a guess.
   */
  state: z.enum(orderStates),
  branchCode: z.string().nullable(),
  trackingNo: z.string().nullable(),
  shippedAt: z.string().nullable().optional(),
  /** Carried since hub schema step 0008; absent in entries of an older hub. */
  service: z.string().nullable().optional(),
  /** The Sagawa slot printed on the label, once the hub has the order packed (step 0008). */
  labelTimeSlot: z.string().nullable().optional(),
});

/** An inbound cargo bundle with its lines (server/services/inbound.ts BundleView): the dock and inspection read it. */
export const bundleFeedSchema = z.looseObject({
  id: z.string(),
  sellerId: z.string(),
  branchCode: z.string(),
  state: z.enum(bundleStates),
  estimatedArrival: z.string(),
  boxCount: z.int().nullable(),
  boxesReceived: z.int(),
  late: z.boolean(),
  holdReason: z.string().nullable(),
  lines: z.array(z.looseObject({ id: z.string(), sku: z.string(), quantity: z.int(), description: z.string().nullable(), counted: z.int().nullable() })),
});

/** Something found at inspection that is on no line (server/sync/inspection-events.ts). */
export const inspectionFindingFeedSchema = z.looseObject({
  id: z.number(),
  bundleId: z.string(),
  kind: z.string(),
  lineId: z.string().nullable(),
  code: z.string(),
  quantity: z.int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** A Q-inventory item: its name is what labels and screens show. */
export const inventoryItemFeedSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  sellerId: z.string().optional(),
  sellerItemCode: z.string().nullable().optional(),
  separateInventory: z.boolean().optional(),
  createdAt: z.string().optional(),
});

/** A SKU (an item's option) with its seller: scans resolve against it (its label, JAN or seller SKU code). */
export const skuFeedSchema = z.looseObject({
  sku: z.string(),
  inventoryCode: z.string(),
  optionCode: z.string().nullable().optional(),
  name: z.string(),
  sellerSkuCode: z.string().nullable(),
  jan: z.string().nullable(),
  sellerId: z.string(),
  lengthCm: z.number().nullable(),
  widthCm: z.number().nullable(),
  heightCm: z.number().nullable(),
  weightG: z.number().nullable(),
});

/** A seller (a Qoo10 shop) and its Q-cash state. */
export const sellerFeedSchema = z.looseObject({ id: z.string(), name: z.string(), balanceJpy: z.number().optional(), suspended: z.boolean().optional() });

/** Where a SKU is shelved at a branch (entity id `<branch>/<sku>`). */
export const skuLocationFeedSchema = z.looseObject({ branchCode: z.string(), sku: z.string(), bin: z.string(), updatedAt: z.string() });

/** A SKU's stock balance at a branch (entity id `<sku>@<branch>`). */
/** `quantity` is sellable units; `damaged` (held apart, never allocated) is absent from hubs before damaged stock. */
export const stockFeedSchema = z.looseObject({ sku: z.string(), branchCode: z.string(), quantity: z.int(), damaged: z.int().optional() });

/** A pick list the hub made for a branch (server/services/pick-lists.ts). */
export const pickListFeedSchema = z.looseObject({
  id: z.string(),
  branchCode: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable().optional(),
  /** Priority order. */
  orderIds: z.array(z.string()),
  /** Walking order (bin), a SKU without a bin last. */
  lines: z.array(z.looseObject({ sku: z.string(), bin: z.string().nullable(), quantity: z.int(), orderIds: z.array(z.string()) })),
});

/** Tracking numbers handed to one station (entity id: the block's id). */
export const trackingBlockFeedSchema = z.looseObject({ stationId: z.string(), firstSerial: z.int(), count: z.int(), issuedAt: z.string() });

/** A floor user, without PIN or badge: what a station needs to keep or drop a cached sign-in. */
export const userFeedSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  /** Absent in the list a station keeps from GET /users; the feed always says. */
  active: z.boolean().optional(),
  credentialsVersion: z.int().optional(),
});

/** Every entity of the feed and the schema of its `data`. */
export const feedEntitySchemas = {
  order: orderFeedSchema,
  bundle: bundleFeedSchema,
  'inspection-finding': inspectionFindingFeedSchema,
  'inventory-item': inventoryItemFeedSchema,
  sku: skuFeedSchema,
  seller: sellerFeedSchema,
  'sku-location': skuLocationFeedSchema,
  stock: stockFeedSchema,
  'pick-list': pickListFeedSchema,
  'tracking-block': trackingBlockFeedSchema,
  user: userFeedSchema,
} as const;

export type FeedEntity = keyof typeof feedEntitySchemas;
export const feedEntities = Object.keys(feedEntitySchemas) as FeedEntity[];

/** An entity's data as a reader sees it (known fields typed; unknown ones kept as `unknown`). */
export type FeedView<E extends FeedEntity> = z.output<(typeof feedEntitySchemas)[E]>;
/** An entity's data as the hub writes it: the fields stations read, checked; anything more is the hub's to add. */
export type FeedData<E extends FeedEntity> = KnownFields<z.input<(typeof feedEntitySchemas)[E]>>;

/** A loose object's type without its `[key: string]: unknown`, so a hub view declared as an interface fits it. */
type KnownFields<T> = T extends readonly (infer U)[]
  ? KnownFields<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: KnownFields<T[K]> }
    : T;

export const isFeedEntity = (entity: string): entity is FeedEntity => Object.prototype.hasOwnProperty.call(feedEntitySchemas, entity);

/**
 * Checks one change's data against its entity's schema: `known: false` for an entity this version does not know (a
 * newer hub); else the problem, if the data does not read as that entity, as a short text for the log.
 */
export function checkFeedData(entity: string, data: unknown): { known: false } | { known: true; problem: string | null } {
  if (!isFeedEntity(entity)) return { known: false };
  const parsed = feedEntitySchemas[entity].safeParse(data);
  return {
    known: true,
    problem: parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; '),
  };
}

/** A change as the hub records it: the entity names the type of its data. */
export type FeedChange = {
  [E in FeedEntity]: { entity: E; entityId: string; op: 'upsert' | 'delete'; branchCode: string | null; sellerId: string | null; data: FeedData<E> };
}[FeedEntity];

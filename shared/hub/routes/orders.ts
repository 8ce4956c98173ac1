import { z } from 'zod';
import { branchCodeSchema, sellerIdSchema, skuSchema } from '../../domain/identifiers';
import { deliveryTimeSchema, managementNoSchema, orderQuantitySchema, qoo10PaidOrderSchema, recipientSchema } from '../../domain/orders';
import { parcelServiceSchema } from '../../domain/parcel-services';
import { reasonCode } from '../../domain/reason-code';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute, office, staff } from '../route';

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
  state: z.enum(orderStates),
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

/** The most lines one import or registration takes. */
export const maxBatchLines = 10_000;

/**
 * A management-no. line as the seller sends it: the SKU by its full code or by the seller's own SKU code; the
 * registration time is the hub's clock, never the caller's.
 */
export const managementLineSchema = z
  .object({
    sellerId: sellerIdSchema,
    managementNo: managementNoSchema,
    sku: skuSchema.optional(),
    sellerSkuCode: z
      .string({ error: reasonCode('invalid-seller-sku-code') })
      .trim()
      .min(1)
      .max(100)
      .optional(),
    quantity: orderQuantitySchema,
    recipient: recipientSchema,
    deliveryMethod: parcelServiceSchema,
    deliveryTime: deliveryTimeSchema.optional(),
    desiredShipDate: tokyoDateSchema.optional(),
  })
  .strict()
  .refine((line) => (line.sku === undefined) !== (line.sellerSkuCode === undefined), { error: 'sku-or-seller-sku-code', path: ['sku'] });

const orderManagers = ['seller', 'admin', 'supervisor'] as const;
const orderReaders = [...staff, 'seller'] as const;

export const allocationRunSchema = z.object({
  allocated: z.int(),
  waiting: z.record(z.string(), z.int()),
  waitingOrders: z.array(z.object({ orderId: z.string(), orderNo: z.string(), sellerId: z.string(), reason: z.string() })),
});
const importResultSchema = z.object({
  imported: z.int(),
  orders: z.array(z.object({ id: z.string(), orderNo: z.string() })),
  /**
   * The automatic allocation run over the importing sellers' open orders, right after the import; null when that
   * run failed (the import stands, and the orders wait for the next run).
   */
  allocation: allocationRunSchema.nullable(),
});
const ordersSchema = z.object({ orders: z.array(orderViewSchema) });
const orderParams = z.object({ orderId: z.string().min(1).max(64) });
const booleanQuery = z.enum(['true', 'false']).transform((text) => text === 'true');

/**
 * Orders, their import and allocation. The two batch routes validate their lines themselves (the hub reports every
 * bad line with its index together with what only the database can tell); their body schema documents the line.
 */
export const orderRoutes = {
  'orders.importQoo10': hubRoute({
    method: 'POST',
    path: '/api/v1/orders/qoo10',
    roles: orderManagers,
    summary: 'Import Qoo10 "buyer paid" order lines, all or none; then allocate what can be.',
    description: 'Every bad line is reported (error.details: index, field, reason) and nothing is stored. A duplicate order no. alone answers 409.',
    body: z.array(qoo10PaidOrderSchema).min(1).max(maxBatchLines),
    status: 201,
    response: importResultSchema,
  }),
  'orders.registerManagement': hubRoute({
    method: 'POST',
    path: '/api/v1/orders/management',
    roles: orderManagers,
    summary: 'Register other-platform shipments under management numbers, all or none; then allocate what can be.',
    description: 'One SKU per line, by full SKU or seller SKU code. A delivery time is for Sagawa only, at most 2 days ahead.',
    body: z.array(managementLineSchema).min(1).max(maxBatchLines),
    status: 201,
    response: importResultSchema,
  }),
  'orders.list': hubRoute({
    method: 'GET',
    path: '/api/v1/orders',
    roles: orderReaders,
    summary: 'Orders, oldest first (a seller sees its own).',
    query: z.object({
      sellerId: sellerIdSchema.optional(),
      state: z.enum(orderStates).optional(),
      source: z.enum(orderSources).optional(),
      dueToday: booleanQuery.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    status: 200,
    response: ordersSchema,
  }),
  'orders.get': hubRoute({
    method: 'GET',
    path: '/api/v1/orders/:orderId',
    roles: orderReaders,
    summary: 'One order.',
    params: orderParams,
    status: 200,
    response: orderViewSchema,
  }),
  'allocations.run': hubRoute({
    method: 'POST',
    path: '/api/v1/allocations/run',
    roles: office,
    summary: 'Run the automatic allocation over every open order (or one seller’s).',
    body: z.object({ sellerId: sellerIdSchema.optional() }).strict().optional(),
    status: 200,
    response: allocationRunSchema,
  }),
  'orders.allocate': hubRoute({
    method: 'POST',
    path: '/api/v1/orders/:orderId/allocation',
    roles: orderManagers,
    summary: 'Allocate an open order, with the rest of its cart, to a branch by hand; the allocation rules still apply.',
    params: orderParams,
    body: z.object({ branchCode: branchCodeSchema }).strict(),
    status: 200,
    response: ordersSchema,
  }),
  'orders.unallocate': hubRoute({
    method: 'DELETE',
    path: '/api/v1/orders/:orderId/allocation',
    roles: orderManagers,
    summary: 'Un-allocate an order, with the rest of its cart, before packing; it then waits for allocation by hand.',
    params: orderParams,
    status: 200,
    response: ordersSchema,
  }),
} as const;

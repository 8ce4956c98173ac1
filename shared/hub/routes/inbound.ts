import { z } from 'zod';
import { bundleStateSchema, bundleStates } from '../../domain/bundle-states';
import { branchCodeSchema, bundleIdPattern, sellerIdSchema, skuSchema } from '../../domain/identifiers';
import { plainTextSchema } from '../../domain/text';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute, office, staff } from '../route';

/** Sellers announce and ship; the warehouse confirms, receives, inspects and rejects; stations scan arrivals. */
const readers = [...staff, 'seller'] as const;
const sellerSide = [...office, 'seller'] as const;
const warehouse = ['admin', 'supervisor', 'clerk'] as const;

export const inboundLineSchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  sku: z.string(),
  branchCode: z.string(),
  quantity: z.int(),
  description: z.string().nullable(),
  bundleId: z.string().nullable(),
  counted: z.int().nullable(),
  createdAt: z.string(),
});

export const bundleSchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  branchCode: z.string(),
  state: z.enum(bundleStates),
  estimatedArrival: z.string(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  boxCount: z.int().nullable(),
  boxesReceived: z.int(),
  arrivedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  holdReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  late: z.boolean(),
  inspectionDeadline: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(z.object({ id: z.string(), sku: z.string(), quantity: z.int(), description: z.string().nullable(), counted: z.int().nullable() })),
});
export type BundleView = z.infer<typeof bundleSchema>;

const newLineFields = {
  sku: skuSchema,
  quantity: z.int({ error: 'invalid-quantity' }).min(1, { error: 'quantity-out-of-range' }).max(100_000, { error: 'quantity-out-of-range' }),
  branchCode: branchCodeSchema,
  /** Free text such as the JAN printed on the goods. */
  description: plainTextSchema(200).nullable().optional(),
};

const page = { limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) };
const lineParams = z.object({ id: z.uuid({ error: 'invalid-line-id' }) });
export const bundleParams = z.object({ id: z.string().regex(bundleIdPattern, { error: 'invalid-bundle-id' }) });

/** Inbound lines and the cargo bundles they travel in, from announcement to the end of inspection. */
export const inboundRoutes = {
  'inboundLines.list': hubRoute({
    method: 'GET',
    path: '/api/v1/inbound-lines',
    roles: readers,
    summary: 'Inbound lines (a seller sees its own); `unbundled=true` for those not yet in a cargo bundle.',
    query: z.object({ sellerId: z.string().max(50).optional(), unbundled: z.stringbool().default(false), ...page }),
    status: 200,
    response: z.array(inboundLineSchema),
  }),
  'inboundLines.create': hubRoute({
    method: 'POST',
    path: '/api/v1/inbound-lines',
    roles: sellerSide,
    summary: 'Register one inbound line: a SKU of the seller (separate inventory management on), a quantity, the branch.',
    body: z.object({ sellerId: sellerIdSchema.optional(), ...newLineFields }).strict(),
    status: 201,
    response: inboundLineSchema,
  }),
  'inboundLines.batch': hubRoute({
    method: 'POST',
    path: '/api/v1/inbound-lines/batch',
    roles: sellerSide,
    summary: 'Register many inbound lines, all or nothing; every refused line is reported with its index.',
    body: z.object({ sellerId: sellerIdSchema.optional(), lines: z.array(z.object(newLineFields).strict()).min(1).max(1000) }).strict(),
    status: 201,
    response: z.object({ lines: z.array(inboundLineSchema) }),
  }),
  'inboundLines.delete': hubRoute({
    method: 'DELETE',
    path: '/api/v1/inbound-lines/:id',
    roles: sellerSide,
    summary: 'Delete an inbound line that is not in a cargo bundle yet.',
    params: lineParams,
    status: 204,
    response: z.null().describe('Deleted.'),
  }),
  'bundles.list': hubRoute({
    method: 'GET',
    path: '/api/v1/bundles',
    roles: [...readers, 'station'],
    summary: 'Cargo bundles with their lines, state, hold reason and whether inspection is late.',
    query: z.object({ sellerId: z.string().max(50).optional(), state: bundleStateSchema.optional(), branchCode: branchCodeSchema.optional(), ...page }),
    status: 200,
    response: z.array(bundleSchema),
  }),
  'bundles.create': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles',
    roles: sellerSide,
    summary: "Bundle the seller's unbundled lines (one branch) for shipping, with the estimated arrival date.",
    body: z
      .object({
        sellerId: sellerIdSchema.optional(),
        lineIds: z
          .array(z.uuid({ error: 'invalid-line-id' }))
          .min(1)
          .max(1000)
          .refine((ids) => new Set(ids).size === ids.length, { error: 'duplicate-line-id' }),
        estimatedArrival: tokyoDateSchema,
      })
      .strict(),
    status: 201,
    response: bundleSchema,
  }),
  'bundles.get': hubRoute({
    method: 'GET',
    path: '/api/v1/bundles/:id',
    roles: [...readers, 'station'],
    summary: 'One cargo bundle.',
    params: bundleParams,
    status: 200,
    response: bundleSchema,
  }),
  'bundles.confirm': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles/:id/confirm',
    roles: warehouse,
    summary: 'The warehouse accepts a requested bundle.',
    params: bundleParams,
    status: 200,
    response: bundleSchema,
  }),
  'bundles.ship': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles/:id/ship',
    roles: ['admin', 'seller'],
    summary: 'The seller has sent a confirmed bundle: carrier, tracking number, number of boxes.',
    params: bundleParams,
    body: z
      .object({
        carrier: plainTextSchema(50),
        trackingNo: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, { error: 'invalid-tracking-no' }),
        boxCount: z.int().min(1).max(999),
      })
      .strict(),
    status: 200,
    response: bundleSchema,
  }),
  'bundles.arrive': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles/:id/arrive',
    roles: [...warehouse, 'station'],
    summary: 'The dock received a shipped bundle; the 3-day inspection limit starts.',
    params: bundleParams,
    body: z.object({ boxesReceived: z.int().min(1).max(999) }).strict(),
    status: 200,
    response: bundleSchema,
  }),
  'bundles.complete': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles/:id/complete',
    roles: warehouse,
    summary:
      'End quantity inspection: counted units go to stock and in-housing and labelling fees to the seller balance, in one step. ' +
      'With too little balance the bundle stays arrived, on hold with the reason, and nothing else changes (409).',
    params: bundleParams,
    body: z
      .object({
        lines: z
          .array(
            z
              .object({
                lineId: z.uuid({ error: 'invalid-line-id' }),
                counted: z.int().min(0).max(1_000_000),
                /** Units the warehouse labelled; defaults to all counted units. */
                unitsToLabel: z.int().min(0).max(1_000_000).optional(),
                /** Of the counted units, how many are damaged: received as damaged stock (none when absent). */
                damaged: z.int().min(0).max(1_000_000).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(1000),
      })
      .strict(),
    status: 200,
    response: z.object({ bundle: bundleSchema, fees: z.object({ inHousingJpy: z.int(), labellingJpy: z.int(), totalJpy: z.int() }) }),
  }),
  'bundles.reject': hubRoute({
    method: 'POST',
    path: '/api/v1/bundles/:id/reject',
    roles: warehouse,
    summary: 'Refuse a requested bundle, or an arrived one at the dock (mixed, unidentifiable goods), with the reason.',
    params: bundleParams,
    body: z.object({ reason: plainTextSchema(500) }).strict(),
    status: 200,
    response: bundleSchema,
  }),
} as const;

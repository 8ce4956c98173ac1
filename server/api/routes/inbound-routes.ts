import { z } from 'zod';
import { bundleStateSchema, bundleStates } from '../../../shared/domain/bundle-states';
import { branchCodeSchema, bundleIdPattern, sellerIdSchema, skuSchema } from '../../../shared/domain/identifiers';
import { plainTextSchema } from '../../../shared/domain/text';
import { tokyoDateSchema } from '../../../shared/domain/tokyo-time';
import {
  arriveBundle,
  completeBundle,
  confirmBundle,
  createBundle,
  deleteInboundLine,
  getBundle,
  listBundles,
  listInboundLines,
  registerInboundLines,
  rejectBundle,
  shipBundle,
} from '../../services/inbound';
import { refuse } from '../../services/refusal';
import type { HubRoutes } from '../build-app';
import { hubMessage } from '../messages';
import { office, staff } from '../route-policy';
import { actingSeller, bundleScope, sellerFilter } from '../seller-scope';

/** Sellers announce and ship; the warehouse confirms, receives, inspects and rejects; stations scan arrivals. */
const readers = [...staff, 'seller'] as const;
const sellerSide = [...office, 'seller'] as const;
const warehouse = ['admin', 'supervisor', 'clerk'] as const;

const lineSchema = z.object({
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

const bundleSchema = z.object({
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

const newLineFields = {
  sku: skuSchema,
  quantity: z.int({ error: 'invalid-quantity' }).min(1, { error: 'quantity-out-of-range' }).max(100_000, { error: 'quantity-out-of-range' }),
  branchCode: branchCodeSchema,
  /** Free text such as the JAN printed on the goods. */
  description: plainTextSchema(200).nullable().optional(),
};

const page = { limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) };
const lineParams = z.object({ id: z.uuid({ error: 'invalid-line-id' }) });
const bundleParams = z.object({ id: z.string().regex(bundleIdPattern, { error: 'invalid-bundle-id' }) });

export const inboundRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/inbound-lines',
    {
      config: { roles: readers },
      schema: {
        summary: 'Inbound lines (a seller sees its own); `unbundled=true` for those not yet in a cargo bundle.',
        querystring: z.object({ sellerId: z.string().max(50).optional(), unbundled: z.stringbool().default(false), ...page }),
        response: { 200: z.array(lineSchema) },
      },
    },
    async (request) => {
      const { sellerId, ...filter } = request.query;
      return listInboundLines(db, { ...filter, sellerId: sellerFilter(request, sellerId) });
    },
  );

  app.post(
    '/api/v1/inbound-lines',
    {
      config: { roles: sellerSide },
      schema: {
        summary: 'Register one inbound line: a SKU of the seller (separate inventory management on), a quantity, the branch.',
        body: z.object({ sellerId: sellerIdSchema.optional(), ...newLineFields }).strict(),
        response: { 201: lineSchema },
      },
    },
    async (request, reply) => {
      const { sellerId, ...line } = request.body;
      const seller = actingSeller(request, sellerId);
      const registered = await db.transaction().execute((trx) => registerInboundLines(trx, seller, [line]));
      if (!registered.ok) throw registered.problems[0]!.refusal;
      return reply.status(201).send(registered.lines[0]!);
    },
  );

  app.post(
    '/api/v1/inbound-lines/batch',
    {
      config: { roles: sellerSide },
      schema: {
        summary: 'Register many inbound lines, all or nothing; every refused line is reported with its index.',
        body: z.object({ sellerId: sellerIdSchema.optional(), lines: z.array(z.object(newLineFields).strict()).min(1).max(1000) }).strict(),
        response: { 201: z.object({ lines: z.array(lineSchema) }) },
      },
    },
    async (request, reply) => {
      const seller = actingSeller(request, request.body.sellerId);
      const registered = await db.transaction().execute((trx) => registerInboundLines(trx, seller, request.body.lines));
      if (!registered.ok) {
        const details = registered.problems.map(({ index, refusal }) => ({
          index,
          code: refusal.code,
          message: hubMessage(refusal.code, request.language, refusal.params),
        }));
        throw refuse('inbound-batch-refused', { count: details.length }, details);
      }
      return reply.status(201).send({ lines: registered.lines });
    },
  );

  app.delete(
    '/api/v1/inbound-lines/:id',
    { config: { roles: sellerSide }, schema: { summary: 'Delete an inbound line that is not in a cargo bundle yet.', params: lineParams, response: { 204: z.null().describe('Deleted.') } } },
    async (request, reply) => {
      await db.transaction().execute((trx) => deleteInboundLine(trx, request.params.id, sellerFilter(request, undefined)));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/bundles',
    {
      config: { roles: [...readers, 'station'] },
      schema: {
        summary: 'Cargo bundles with their lines, state, hold reason and whether inspection is late.',
        querystring: z.object({ sellerId: z.string().max(50).optional(), state: bundleStateSchema.optional(), branchCode: branchCodeSchema.optional(), ...page }),
        response: { 200: z.array(bundleSchema) },
      },
    },
    async (request) => {
      const { sellerId, branchCode, ...filter } = request.query;
      const scope = bundleScope(request);
      return listBundles(db, { ...filter, sellerId: sellerFilter(request, sellerId), branchCode: scope.onlyBranch ?? branchCode ?? null });
    },
  );

  app.post(
    '/api/v1/bundles',
    {
      config: { roles: sellerSide },
      schema: {
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
        response: { 201: bundleSchema },
      },
    },
    async (request, reply) => {
      const { sellerId, ...bundle } = request.body;
      return reply.status(201).send(await createBundle(db, actingSeller(request, sellerId), bundle));
    },
  );

  app.get(
    '/api/v1/bundles/:id',
    { config: { roles: [...readers, 'station'] }, schema: { summary: 'One cargo bundle.', params: bundleParams, response: { 200: bundleSchema } } },
    async (request) => getBundle(db, request.params.id, bundleScope(request)),
  );

  app.post(
    '/api/v1/bundles/:id/confirm',
    { config: { roles: warehouse }, schema: { summary: 'The warehouse accepts a requested bundle.', params: bundleParams, response: { 200: bundleSchema } } },
    async (request) => db.transaction().execute((trx) => confirmBundle(trx, request.params.id, bundleScope(request))),
  );

  app.post(
    '/api/v1/bundles/:id/ship',
    {
      config: { roles: ['admin', 'seller'] },
      schema: {
        summary: 'The seller has sent a confirmed bundle: carrier, tracking number, number of boxes.',
        params: bundleParams,
        body: z
          .object({
            carrier: plainTextSchema(50),
            trackingNo: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, { error: 'invalid-tracking-no' }),
            boxCount: z.int().min(1).max(999),
          })
          .strict(),
        response: { 200: bundleSchema },
      },
    },
    async (request) => db.transaction().execute((trx) => shipBundle(trx, request.params.id, bundleScope(request), request.body)),
  );

  app.post(
    '/api/v1/bundles/:id/arrive',
    {
      config: { roles: [...warehouse, 'station'] },
      schema: {
        summary: 'The dock received a shipped bundle; the 3-day inspection limit starts.',
        params: bundleParams,
        body: z.object({ boxesReceived: z.int().min(1).max(999) }).strict(),
        response: { 200: bundleSchema },
      },
    },
    async (request) => db.transaction().execute((trx) => arriveBundle(trx, request.params.id, bundleScope(request), request.body)),
  );

  app.post(
    '/api/v1/bundles/:id/complete',
    {
      config: { roles: warehouse },
      schema: {
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
                  })
                  .strict(),
              )
              .min(1)
              .max(1000),
          })
          .strict(),
        response: { 200: z.object({ bundle: bundleSchema, fees: z.object({ inHousingJpy: z.int(), labellingJpy: z.int(), totalJpy: z.int() }) }) },
      },
    },
    async (request) => {
      const outcome = await db.transaction().execute((trx) => completeBundle(trx, request.params.id, bundleScope(request), request.body.lines));
      // Thrown only now, after the hold itself was committed.
      if (!outcome.completed) throw outcome.refusal;
      const { fees } = outcome;
      return { bundle: outcome.bundle, fees: { inHousingJpy: fees.inHousing, labellingJpy: fees.skuLabelling, totalJpy: fees.total } };
    },
  );

  app.post(
    '/api/v1/bundles/:id/reject',
    {
      config: { roles: warehouse },
      schema: {
        summary: 'Refuse a requested bundle, or an arrived one at the dock (mixed, unidentifiable goods), with the reason.',
        params: bundleParams,
        body: z.object({ reason: plainTextSchema(500) }).strict(),
        response: { 200: bundleSchema },
      },
    },
    async (request) => db.transaction().execute((trx) => rejectBundle(trx, request.params.id, bundleScope(request), request.body)),
  );
};

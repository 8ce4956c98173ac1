import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { branchCodeSchema, sellerIdSchema } from '../../../shared/domain/identifiers';
import { qoo10PaidOrderSchema } from '../../../shared/domain/orders';
import { allocateAfterImport, allocateByHand, runAllocation, unallocateByHand, type AllocationRunResult } from '../../services/allocation';
import { managementLineSchema, registerManagementShipments } from '../../services/orders/management-shipments';
import { maxBatchLines } from '../../services/orders/order-batches';
import { findOrder, listOrders } from '../../services/orders/order-queries';
import { orderSources, orderStates } from '../../services/orders/order-states';
import { orderViewSchema, toOrderView, type OrderRow } from '../../services/orders/order-view';
import { importQoo10Orders } from '../../services/orders/qoo10-orders';
import type { HubRoutes } from '../build-app';
import { office, staff } from '../route-policy';
import { sellerFilter } from '../seller-scope';

const orderManagers = ['seller', 'admin', 'supervisor'] as const;
const orderReaders = [...staff, 'seller'] as const;

const allocationRunSchema = z.object({
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
 * A batch route validates its lines itself, one by one, so that every bad line is reported with its index and
 * field together with the checks only the database can make (unknown listing, order no. taken). The route schema
 * still documents the line and catches a body that is not a list of lines at all.
 */
function batchLines(request: FastifyRequest): unknown[] {
  const body: unknown = request.body;
  if (request.validationError && !(Array.isArray(body) && body.length >= 1 && body.length <= maxBatchLines)) throw request.validationError;
  return body as unknown[];
}

const runView = (run: AllocationRunResult) => ({ ...run, waiting: run.waiting as Record<string, number> });

export const orderRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  /** The answer to an import, with the allocation run that follows it; the stored orders never depend on that run. */
  const imported = async (request: FastifyRequest, rows: OrderRow[]) => {
    // Answering 500 would make the caller send the batch again, and every line would come back as a duplicate.
    const allocation = await allocateAfterImport(store, [...new Set(rows.map((row) => row.seller_id))], (error) => request.log.error(error, 'allocation after import failed'));
    return { imported: rows.length, orders: rows.map((row) => ({ id: row.id, orderNo: row.order_no })), allocation: allocation && runView(allocation) };
  };

  app.post(
    '/api/v1/orders/qoo10',
    {
      config: { roles: orderManagers },
      attachValidation: true,
      schema: {
        summary: 'Import Qoo10 "buyer paid" order lines, all or none; then allocate what can be.',
        description: 'Every bad line is reported (error.details: index, field, reason) and nothing is stored. A duplicate order no. alone answers 409.',
        body: z.array(qoo10PaidOrderSchema).min(1).max(maxBatchLines),
        response: { 201: importResultSchema },
      },
    },
    async (request, reply) => {
      const rows = await importQoo10Orders(db, batchLines(request), { ownSeller: sellerFilter(request, undefined) });
      return reply.status(201).send(await imported(request, rows));
    },
  );

  app.post(
    '/api/v1/orders/management',
    {
      config: { roles: orderManagers },
      attachValidation: true,
      schema: {
        summary: 'Register other-platform shipments under management numbers, all or none; then allocate what can be.',
        description: 'One SKU per line, by full SKU or seller SKU code. A delivery time is for Sagawa only, at most 2 days ahead.',
        body: z.array(managementLineSchema).min(1).max(maxBatchLines),
        response: { 201: importResultSchema },
      },
    },
    async (request, reply) => {
      const rows = await registerManagementShipments(db, batchLines(request), { ownSeller: sellerFilter(request, undefined) });
      return reply.status(201).send(await imported(request, rows));
    },
  );

  app.get(
    '/api/v1/orders',
    {
      config: { roles: orderReaders },
      schema: {
        summary: 'Orders, oldest first (a seller sees its own).',
        querystring: z.object({
          sellerId: sellerIdSchema.optional(),
          state: z.enum(orderStates).optional(),
          source: z.enum(orderSources).optional(),
          dueToday: booleanQuery.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: ordersSchema },
      },
    },
    async (request) => {
      const { sellerId, ...filter } = request.query;
      const rows = await listOrders(db, { ...filter, sellerId: sellerFilter(request, sellerId) });
      return { orders: rows.map(toOrderView) };
    },
  );

  app.get(
    '/api/v1/orders/:orderId',
    { config: { roles: orderReaders }, schema: { summary: 'One order.', params: orderParams, response: { 200: orderViewSchema } } },
    async (request) => toOrderView(await findOrder(db, request.params.orderId, sellerFilter(request, undefined))),
  );

  app.post(
    '/api/v1/allocations/run',
    {
      config: { roles: office },
      schema: {
        summary: 'Run the automatic allocation over every open order (or one seller’s).',
        body: z.object({ sellerId: sellerIdSchema.optional() }).strict().optional(),
        response: { 200: allocationRunSchema },
      },
    },
    async (request) => {
      const sellerId = request.body?.sellerId;
      return runView(await runAllocation(store, sellerId ? { sellerIds: [sellerId] } : {}));
    },
  );

  app.post(
    '/api/v1/orders/:orderId/allocation',
    {
      config: { roles: orderManagers },
      schema: {
        summary: 'Allocate an open order, with the rest of its cart, to a branch by hand; the allocation rules still apply.',
        params: orderParams,
        body: z.object({ branchCode: branchCodeSchema }).strict(),
        response: { 200: ordersSchema },
      },
    },
    async (request) => {
      const rows = await allocateByHand(store, request.params.orderId, request.body.branchCode, sellerFilter(request, undefined));
      return { orders: rows.map(toOrderView) };
    },
  );

  app.delete(
    '/api/v1/orders/:orderId/allocation',
    {
      config: { roles: orderManagers },
      schema: {
        summary: 'Un-allocate an order, with the rest of its cart, before packing; it then waits for allocation by hand.',
        params: orderParams,
        response: { 200: ordersSchema },
      },
    },
    async (request) => {
      const rows = await unallocateByHand(store, request.params.orderId, sellerFilter(request, undefined));
      return { orders: rows.map(toOrderView) };
    },
  );
};

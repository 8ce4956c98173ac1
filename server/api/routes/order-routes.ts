import type { FastifyRequest } from 'fastify';
import { maxBatchLines, orderRoutes as orderApi } from '../../../shared/hub/routes/orders';
import { allocateAfterImport, allocateByHand, runAllocation, unallocateByHand, type AllocationRunResult } from '../../services/allocation';
import { registerManagementShipments } from '../../services/orders/management-shipments';
import { findOrder, listOrders } from '../../services/orders/order-queries';
import { toOrderView, type OrderRow } from '../../services/orders/order-view';
import { importQoo10Orders } from '../../services/orders/qoo10-orders';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { sellerFilter } from '../seller-scope';

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
    const allocation = await allocateAfterImport(store, [...new Set(rows.map((row) => row.seller_id))], (error) =>
      request.log.error(error, 'allocation after import failed'),
    );
    return { imported: rows.length, orders: rows.map((row) => ({ id: row.id, orderNo: row.order_no })), allocation: allocation && runView(allocation) };
  };

  registerRoutes(
    app,
    orderApi,
    {
      'orders.importQoo10': async (request) => {
        const rows = await importQoo10Orders(db, batchLines(request), { ownSeller: sellerFilter(request, undefined) });
        return imported(request, rows);
      },

      'orders.registerManagement': async (request) => {
        const rows = await registerManagementShipments(db, batchLines(request), { ownSeller: sellerFilter(request, undefined) });
        return imported(request, rows);
      },

      'orders.list': async (request) => {
        const { sellerId, ...filter } = request.query;
        const rows = await listOrders(db, { ...filter, sellerId: sellerFilter(request, sellerId) });
        return { orders: rows.map(toOrderView) };
      },

      'orders.get': async (request) => toOrderView(await findOrder(db, request.params.orderId, sellerFilter(request, undefined))),

      'allocations.run': async (request) => {
        const sellerId = request.body?.sellerId;
        return runView(await runAllocation(store, sellerId ? { sellerIds: [sellerId] } : {}));
      },

      'orders.allocate': async (request) => {
        const rows = await allocateByHand(store, request.params.orderId, request.body.branchCode, sellerFilter(request, undefined));
        return { orders: rows.map(toOrderView) };
      },

      'orders.unallocate': async (request) => {
        const rows = await unallocateByHand(store, request.params.orderId, sellerFilter(request, undefined));
        return { orders: rows.map(toOrderView) };
      },
    },
    // The batches check their lines themselves (see batchLines).
    { 'orders.importQoo10': { attachValidation: true }, 'orders.registerManagement': { attachValidation: true } },
  );
};

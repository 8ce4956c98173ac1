import { inboundRoutes as inboundApi } from '../../../shared/hub/routes/inbound';
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
import { registerRoutes } from '../register-routes';
import { actingSeller, bundleScope, sellerFilter } from '../seller-scope';

export const inboundRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, inboundApi, {
    'inboundLines.list': async (request) => {
      const { sellerId, ...filter } = request.query;
      return listInboundLines(db, { ...filter, sellerId: sellerFilter(request, sellerId) });
    },

    'inboundLines.create': async (request) => {
      const { sellerId, ...line } = request.body;
      const seller = actingSeller(request, sellerId);
      const registered = await db.transaction().execute((trx) => registerInboundLines(trx, seller, [line]));
      if (!registered.ok) throw registered.problems[0]!.refusal;
      return registered.lines[0]!;
    },

    'inboundLines.batch': async (request) => {
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
      return { lines: registered.lines };
    },

    'inboundLines.delete': async (request) => {
      await db.transaction().execute((trx) => deleteInboundLine(trx, request.params.id, sellerFilter(request, undefined)));
      return null;
    },

    'bundles.list': async (request) => {
      const { sellerId, branchCode, ...filter } = request.query;
      const scope = bundleScope(request);
      return listBundles(db, { ...filter, sellerId: sellerFilter(request, sellerId), branchCode: scope.onlyBranch ?? branchCode ?? null });
    },

    'bundles.create': async (request) => {
      const { sellerId, ...bundle } = request.body;
      return createBundle(db, actingSeller(request, sellerId), bundle);
    },

    'bundles.get': async (request) => getBundle(db, request.params.id, bundleScope(request)),

    'bundles.confirm': async (request) => db.transaction().execute((trx) => confirmBundle(trx, request.params.id, bundleScope(request))),

    'bundles.ship': async (request) => db.transaction().execute((trx) => shipBundle(trx, request.params.id, bundleScope(request), request.body)),

    'bundles.arrive': async (request) => db.transaction().execute((trx) => arriveBundle(trx, request.params.id, bundleScope(request), request.body)),

    'bundles.complete': async (request) => {
      const outcome = await db.transaction().execute((trx) => completeBundle(trx, request.params.id, bundleScope(request), request.body.lines));
      // Thrown only now, after the hold itself was committed.
      if (!outcome.completed) throw outcome.refusal;
      const { fees } = outcome;
      return { bundle: outcome.bundle, fees: { inHousingJpy: fees.inHousing, labellingJpy: fees.skuLabelling, totalJpy: fees.total } };
    },

    'bundles.reject': async (request) => db.transaction().execute((trx) => rejectBundle(trx, request.params.id, bundleScope(request), request.body)),
  });
};

import { sellerRoutes as sellerApi } from '../../../shared/hub/routes/sellers';
import { createSeller, getSeller, listSellers, topUpSeller } from '../../services/sellers';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { actingSeller, sellerFilter } from '../seller-scope';

export const sellerRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, sellerApi, {
    'sellers.list': async (request) => listSellers(db, sellerFilter(request, undefined)),
    'sellers.create': async (request) => createSeller(db, request.body),
    'sellers.get': async (request) => getSeller(db, actingSeller(request, request.params.sellerId)),
    'sellers.topUp': async (request) => topUpSeller(db, request.params.sellerId, request.body),
  });
};

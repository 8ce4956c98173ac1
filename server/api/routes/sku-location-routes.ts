import { skuLocationRoutes as skuLocationApi } from '../../../shared/hub/routes/sku-locations';
import { listSkuLocations } from '../../services/sku-locations';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { sellerFilter } from '../seller-scope';

/** Where SKUs are shelved: set on the floor at putaway (the `sku.located` floor event), read by staff and sellers. */
export const skuLocationRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, skuLocationApi, {
    'skuLocations.list': async (request) =>
      listSkuLocations(db, {
        branchCode: request.query.branchCode,
        sellerId: sellerFilter(request, request.query.sellerId),
        ...(request.query.sku ? { sku: request.query.sku } : {}),
      }),
  });
};

import { stockRoutes as stockApi } from '../../../shared/hub/routes/stock';
import { releaseDamaged } from '../../services/inventory/damaged-stock';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

/** Damaged stock: supervisors and admins move damaged units back to sellable or out of the warehouse. */
export const stockRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, stockApi, {
    'stock.releaseDamaged': async (request) => releaseDamaged(store.db, { sku: request.params.sku, ...request.body }),
  });
};

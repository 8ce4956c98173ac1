import type { HubRoutes } from '../api/build-app';
import { sellerRoutes } from '../api/routes/seller-routes';
import { sessionRoutes } from '../api/routes/session-routes';

/** Every route module of the hub API, registered in this order. */
export const hubRoutes: HubRoutes[] = [sessionRoutes, sellerRoutes];

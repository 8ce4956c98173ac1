import type { HubRoutes } from '../api/build-app';
import { sellerRoutes } from '../api/routes/seller-routes';
import { sessionRoutes } from '../api/routes/session-routes';
import { syncRoutes } from '../api/routes/sync-routes';

/** Every route module of the hub API, registered in this order. */
export const hubRoutes: HubRoutes[] = [sessionRoutes, sellerRoutes, syncRoutes];

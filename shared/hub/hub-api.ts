import type { HubRouteSpec } from './route';
import { auditRoutes } from './routes/audit';
import { dailyCountRoutes } from './routes/daily-counts';
import { excelRoutes } from './routes/excel';
import { inboundRoutes } from './routes/inbound';
import { inspectionRoutes } from './routes/inspection';
import { inventoryRoutes } from './routes/inventory';
import { manifestRoutes } from './routes/manifests';
import { orderRoutes } from './routes/orders';
import { pickListRoutes } from './routes/pick-lists';
import { sellerRoutes } from './routes/sellers';
import { sessionRoutes } from './routes/session';
import { skuLocationRoutes } from './routes/sku-locations';
import { stockRoutes } from './routes/stock';
import { syncRoutes } from './routes/sync';
import { trackingRoutes } from './routes/tracking';

/**
 * The whole hub API, route name → route (shared/hub/route.ts): the hub registers exactly these, the OpenAPI document
 * and the role matrix test follow from them, and the station calls the hub by these names only. A hub and a station
 * of different versions disagree here first; the station then says so instead of guessing.
 */
export const hubApi = {
  ...sessionRoutes,
  ...sellerRoutes,
  ...syncRoutes,
  ...inventoryRoutes,
  ...inboundRoutes,
  ...inspectionRoutes,
  ...orderRoutes,
  ...trackingRoutes,
  ...dailyCountRoutes,
  ...excelRoutes,
  ...skuLocationRoutes,
  ...manifestRoutes,
  ...pickListRoutes,
  ...stockRoutes,
  ...auditRoutes,
} as const satisfies Record<string, HubRouteSpec>;

export type HubApi = typeof hubApi;
export type HubRouteName = keyof HubApi;
export const hubRouteNames = Object.keys(hubApi) as HubRouteName[];

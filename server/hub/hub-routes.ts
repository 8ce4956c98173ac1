import type { HubRoutes } from '../api/build-app';
import { auditRoutes } from '../api/routes/audit-routes';
import { dailyCountRoutes } from '../api/routes/daily-count-routes';
import { excelRoutes } from '../api/routes/excel-routes';
import { inboundRoutes } from '../api/routes/inbound-routes';
import { inspectionRoutes } from '../api/routes/inspection-routes';
import { inventoryRoutes } from '../api/routes/inventory-routes';
import { manifestRoutes } from '../api/routes/manifest-routes';
import { orderRoutes } from '../api/routes/order-routes';
import { pickListRoutes } from '../api/routes/pick-list-routes';
import { sellerRoutes } from '../api/routes/seller-routes';
import { sessionRoutes } from '../api/routes/session-routes';
import { skuLocationRoutes } from '../api/routes/sku-location-routes';
import { stockRoutes } from '../api/routes/stock-routes';
import { syncRoutes } from '../api/routes/sync-routes';
import { trackingRoutes } from '../api/routes/tracking-routes';

/** Every route module of the hub API, registered in this order. */
export const hubRoutes: HubRoutes[] = [
  sessionRoutes,
  sellerRoutes,
  syncRoutes,
  inventoryRoutes,
  inboundRoutes,
  inspectionRoutes,
  orderRoutes,
  trackingRoutes,
  dailyCountRoutes,
  excelRoutes,
  skuLocationRoutes,
  manifestRoutes,
  pickListRoutes,
  stockRoutes,
  auditRoutes,
];

import { inspectionRoutes as inspectionApi } from '../../../shared/hub/routes/inspection';
import { getBundle } from '../../services/inbound';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { bundleScope } from '../seller-scope';

/** The discrepancy side of a bundle's inspection, for the supervisor, the seller and the stations. */
export const inspectionRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, inspectionApi, {
    'bundles.findings': async (request) => {
      // Same visibility as the bundle itself: a seller its own, a station its branch's; otherwise not found.
      const bundle = await getBundle(db, request.params.id, bundleScope(request));
      const rows = await db.selectFrom('inspection_findings').selectAll().where('bundle_id', '=', bundle.id).orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        lineId: row.line_id,
        code: row.code,
        quantity: row.quantity,
        note: row.note,
        stationEventId: row.station_event_id,
        createdAt: row.created_at,
      }));
    },
  });
};

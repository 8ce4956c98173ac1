import { z } from 'zod';
import { bundleIdPattern } from '../../../shared/domain/identifiers';
import { getBundle } from '../../services/inbound';
import type { HubRoutes } from '../build-app';
import { staff } from '../route-policy';
import { bundleScope } from '../seller-scope';

const findingSchema = z.object({
  id: z.int(),
  kind: z.enum(['unknown-item', 'wrong-seller', 'line-reason']),
  /** The line a reason is about; null for goods found on no line. */
  lineId: z.string().nullable(),
  /** The scanned code of found goods, or the reason of a line (short, over, damaged, mixed, other). */
  code: z.string(),
  /** Units found; for a line reason, counted minus announced when inspection finished. */
  quantity: z.int(),
  note: z.string().nullable(),
  stationEventId: z.string(),
  createdAt: z.string(),
});

const bundleParams = z.object({ id: z.string().regex(bundleIdPattern, { error: 'invalid-bundle-id' }) });

/** The discrepancy side of a bundle's inspection, for the supervisor, the seller and the stations. */
export const inspectionRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/bundles/:id/findings',
    {
      config: { roles: [...staff, 'seller', 'station'] },
      schema: {
        summary: "What inspection noted besides the counts: goods on no line (unknown or another seller's) and the reasons given for lines.",
        params: bundleParams,
        response: { 200: z.array(findingSchema) },
      },
    },
    async (request) => {
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
  );
};

import { z } from 'zod';
import { hubRoute, staff } from '../route';
import { bundleParams } from './inbound';

export const findingSchema = z.object({
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

/** The discrepancy side of a bundle's inspection, for the supervisor, the seller and the stations. */
export const inspectionRoutes = {
  'bundles.findings': hubRoute({
    method: 'GET',
    path: '/api/v1/bundles/:id/findings',
    roles: [...staff, 'seller', 'station'],
    summary: "What inspection noted besides the counts: goods on no line (unknown or another seller's) and the reasons given for lines.",
    params: bundleParams,
    status: 200,
    response: z.array(findingSchema),
  }),
} as const;

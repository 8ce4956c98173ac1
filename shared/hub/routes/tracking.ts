import { z } from 'zod';
import { sellerIdSchema } from '../../domain/identifiers';
import { hubRoute, office } from '../route';

export const maxTrackingBlock = 1_000;

export const trackingBlockSchema = z.object({
  id: z.int(),
  stationId: z.string(),
  firstSerial: z.int(),
  count: z.int(),
  numbers: z.array(z.string()),
  issuedAt: z.string(),
});
export const trackingUploadSchema = z.object({
  orderId: z.string(),
  sellerId: z.string(),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  trackingNo: z.string(),
  carrier: z.string(),
  queuedAt: z.string(),
  exportedAt: z.string().nullable(),
});
const exportSchema = z.object({ exportedAt: z.string(), count: z.int(), uploads: z.array(trackingUploadSchema) });

/** Tracking numbers: blocks handed to stations to print offline, and the upload queue to the marketplace. */
export const trackingRoutes = {
  'trackingBlocks.issue': hubRoute({
    method: 'POST',
    path: '/api/v1/tracking-blocks',
    roles: ['station', 'admin'],
    summary: 'Hand a station a block of consecutive tracking numbers (12 digits, mod-7 check digit) to print offline.',
    description: 'A station gets numbers for itself; an admin names the station.',
    body: z.object({ count: z.int().min(1).max(maxTrackingBlock), stationId: z.string().min(1).max(64).optional() }).strict(),
    status: 201,
    response: trackingBlockSchema,
  }),
  'trackingUploads.list': hubRoute({
    method: 'GET',
    path: '/api/v1/tracking-uploads',
    roles: [...office, 'seller'],
    summary: 'The tracking-number upload queue for the marketplace (a seller sees its own orders).',
    query: z.object({
      pending: z
        .enum(['true', 'false'])
        .transform((text) => text === 'true')
        .optional(),
      sellerId: sellerIdSchema.optional(),
    }),
    status: 200,
    response: z.object({ uploads: z.array(trackingUploadSchema) }),
  }),
  'trackingUploads.export': hubRoute({
    method: 'POST',
    path: '/api/v1/tracking-uploads/export',
    roles: office,
    summary: 'The evening batch: mark every pending upload exported and return them, as JSON or CSV.',
    description: 'Each upload is exported exactly once; a second export returns only what was queued since.',
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
    status: 200,
    /** The JSON answer; `format=csv` answers the same uploads as a CSV file. */
    response: exportSchema,
    documented: {
      200: {
        description: 'The exported uploads (order no., cart no., tracking no., carrier).',
        content: { 'application/json': { schema: exportSchema }, 'text/csv': { schema: z.string() } },
      },
    },
  }),
} as const;

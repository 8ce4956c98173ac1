import { z } from 'zod';
import { sellerIdSchema } from '../../../shared/domain/identifiers';
import { Refusal } from '../../services/refusal';
import { exportPendingTrackingUploads, issueTrackingBlock, listTrackingUploads, trackingUploadsCsv } from '../../services/tracking';
import type { HubRoutes } from '../build-app';
import { office } from '../route-policy';
import { sellerFilter } from '../seller-scope';

export const maxTrackingBlock = 1_000;

const blockSchema = z.object({
  id: z.int(),
  stationId: z.string(),
  firstSerial: z.int(),
  count: z.int(),
  numbers: z.array(z.string()),
  issuedAt: z.string(),
});
const uploadSchema = z.object({
  orderId: z.string(),
  sellerId: z.string(),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  trackingNo: z.string(),
  carrier: z.string(),
  queuedAt: z.string(),
  exportedAt: z.string().nullable(),
});

export const trackingRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.post(
    '/api/v1/tracking-blocks',
    {
      config: { roles: ['station', 'admin'] },
      schema: {
        summary: 'Hand a station a block of consecutive tracking numbers (12 digits, mod-7 check digit) to print offline.',
        description: 'A station gets numbers for itself; an admin names the station.',
        body: z.object({ count: z.int().min(1).max(maxTrackingBlock), stationId: z.string().min(1).max(64).optional() }).strict(),
        response: { 201: blockSchema },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const { count, stationId } = request.body;
      if (principal.kind === 'station' && stationId !== undefined && stationId !== principal.stationId) throw new Refusal('forbidden');
      const forStation = principal.kind === 'station' ? principal.stationId : stationId;
      if (!forStation) throw new Refusal('station-needed');
      return reply.status(201).send(await issueTrackingBlock(db, forStation, count));
    },
  );

  app.get(
    '/api/v1/tracking-uploads',
    {
      config: { roles: [...office, 'seller'] },
      schema: {
        summary: 'The tracking-number upload queue for the marketplace (a seller sees its own orders).',
        querystring: z.object({ pending: z.enum(['true', 'false']).transform((text) => text === 'true').optional(), sellerId: sellerIdSchema.optional() }),
        response: { 200: z.object({ uploads: z.array(uploadSchema) }) },
      },
    },
    async (request) => ({ uploads: await listTrackingUploads(db, { pending: request.query.pending, sellerId: sellerFilter(request, request.query.sellerId) }) }),
  );

  app.post(
    '/api/v1/tracking-uploads/export',
    {
      config: { roles: office },
      schema: {
        summary: 'The evening batch: mark every pending upload exported and return them, as JSON or CSV.',
        description: 'Each upload is exported exactly once; a second export returns only what was queued since.',
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: {
          200: {
            description: 'The exported uploads (order no., cart no., tracking no., carrier).',
            content: {
              'application/json': { schema: z.object({ exportedAt: z.string(), count: z.int(), uploads: z.array(uploadSchema) }) },
              'text/csv': { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const uploads = await exportPendingTrackingUploads(db, now);
      if (request.query.format === 'csv') {
        const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="tracking-uploads-${stamp}.csv"`)
          .send(trackingUploadsCsv(uploads));
      }
      return reply.type('application/json').send({ exportedAt: now.toISOString(), count: uploads.length, uploads });
    },
  );
};

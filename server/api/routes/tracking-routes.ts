import { trackingRoutes as trackingApi } from '../../../shared/hub/routes/tracking';
import { Refusal } from '../../services/refusal';
import { exportPendingTrackingUploads, issueTrackingBlock, listTrackingUploads, trackingUploadsCsv } from '../../services/tracking';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { sellerFilter } from '../seller-scope';

export const trackingRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, trackingApi, {
    'trackingBlocks.issue': async (request) => {
      const principal = request.principal!;
      const { count, stationId } = request.body;
      if (principal.kind === 'station' && stationId !== undefined && stationId !== principal.stationId) throw new Refusal('forbidden');
      const forStation = principal.kind === 'station' ? principal.stationId : stationId;
      if (!forStation) throw new Refusal('station-needed');
      return issueTrackingBlock(db, forStation, count);
    },

    'trackingUploads.list': async (request) => ({
      uploads: await listTrackingUploads(db, { pending: request.query.pending, sellerId: sellerFilter(request, request.query.sellerId) }),
    }),

    'trackingUploads.export': async (request, reply) => {
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
  });
};

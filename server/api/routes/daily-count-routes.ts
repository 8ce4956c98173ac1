import { z } from 'zod';
import { branchCodeSchema } from '../../../shared/domain/identifiers';
import { tokyoDate, tokyoDateSchema } from '../../../shared/domain/tokyo-time';
import { dailyCounts } from '../../services/daily-counts';
import type { HubRoutes } from '../build-app';
import { office } from '../route-policy';

const dailyCountsSchema = z.object({
  date: z.string(),
  branchCode: z.string().nullable(),
  bundlesArrived: z.int(),
  bundlesCompleted: z.int(),
  unitsReceived: z.int(),
  ordersAllocated: z.int(),
  ordersShipped: z.int(),
  lateBundles: z.array(z.object({ bundleId: z.string(), sellerId: z.string(), arrivedAt: z.string(), deadline: z.string() })),
  discrepancies: z.array(z.object({ bundleId: z.string(), lineId: z.string(), sku: z.string(), quantity: z.int(), counted: z.int() })),
});

export const dailyCountRoutes: HubRoutes = (app, store) => {
  app.get(
    '/api/v1/daily-counts',
    {
      config: { roles: office },
      schema: {
        summary: "The supervisor's counts for one Tokyo day (today by default), for all branches or one.",
        querystring: z.object({ date: tokyoDateSchema.optional(), branchCode: branchCodeSchema.optional() }),
        response: { 200: dailyCountsSchema },
      },
    },
    async (request) => dailyCounts(store.db, request.query.date ?? tokyoDate(new Date()), request.query.branchCode ?? null),
  );
};

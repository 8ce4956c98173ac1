import { z } from 'zod';
import { branchCodeSchema } from '../../domain/identifiers';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute, office } from '../route';

export const dailyCountsSchema = z.object({
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

/** The supervisor's day in numbers. */
export const dailyCountRoutes = {
  'dailyCounts.get': hubRoute({
    method: 'GET',
    path: '/api/v1/daily-counts',
    roles: office,
    summary: "The supervisor's counts for one Tokyo day (today by default), for all branches or one.",
    query: z.object({ date: tokyoDateSchema.optional(), branchCode: branchCodeSchema.optional() }),
    status: 200,
    response: dailyCountsSchema,
  }),
} as const;

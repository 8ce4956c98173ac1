import { z } from 'zod';
import { manifestDaySchema } from '../../contract/manifest';
import { branchCodeSchema } from '../../domain/identifiers';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute } from '../route';

/** The pack bench prints the manifest at pickup; supervisors check it. Clerks and sellers have no business here. */
export const manifestRoutes = {
  'manifests.get': hubRoute({
    method: 'GET',
    path: '/api/v1/manifests',
    roles: ['admin', 'supervisor', 'packer'],
    summary: 'The end-of-day manifest of one branch for one Tokyo day (today by default): the parcels handed to each carrier, per service, with counts.',
    query: z.object({ branchCode: branchCodeSchema, date: tokyoDateSchema.optional() }),
    status: 200,
    response: manifestDaySchema,
  }),
} as const;

import { z } from 'zod';
import { manifestDaySchema } from '../../../shared/contract/manifest';
import { branchCodeSchema } from '../../../shared/domain/identifiers';
import { tokyoDate, tokyoDateSchema } from '../../../shared/domain/tokyo-time';
import { manifestDay } from '../../services/manifests';
import type { HubRoutes } from '../build-app';
import type { RouteRoles } from '../route-policy';

/** The pack bench prints the manifest at pickup; supervisors check it. Clerks and sellers have no business here. */
const manifestReaders = ['admin', 'supervisor', 'packer'] as const satisfies RouteRoles;

export const manifestRoutes: HubRoutes = (app, store) => {
  app.get(
    '/api/v1/manifests',
    {
      config: { roles: manifestReaders },
      schema: {
        summary: 'The end-of-day manifest of one branch for one Tokyo day (today by default): the parcels handed to each carrier, per service, with counts.',
        querystring: z.object({ branchCode: branchCodeSchema, date: tokyoDateSchema.optional() }),
        response: { 200: manifestDaySchema },
      },
    },
    async (request) => manifestDay(store.db, request.query.date ?? tokyoDate(new Date()), request.query.branchCode),
  );
};

import { tokyoDate } from '../../../shared/domain/tokyo-time';
import { dailyCountRoutes as dailyCountApi } from '../../../shared/hub/routes/daily-counts';
import { dailyCounts } from '../../services/daily-counts';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

export const dailyCountRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, dailyCountApi, {
    'dailyCounts.get': async (request) => dailyCounts(store.db, request.query.date ?? tokyoDate(new Date()), request.query.branchCode ?? null),
  });
};

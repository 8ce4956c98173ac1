import { tokyoDate } from '../../../shared/domain/tokyo-time';
import { dailyCountRoutes as dailyCountApi } from '../../../shared/hub/routes/daily-counts';
import { dailyCountRows, dailyCounts } from '../../services/daily-counts';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

/** The supervisor's day: its figures, and the rows behind any one of them. Today (Tokyo) unless a date is asked for. */
export const dailyCountRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, dailyCountApi, {
    'dailyCounts.get': async (request) => dailyCounts(store, request.query.date ?? tokyoDate(new Date()), request.query.branchCode ?? null),
    'dailyCounts.list': async (request) => {
      const { figure } = request.params;
      const list = await dailyCountRows(store, request.query.date ?? tokyoDate(new Date()), request.query.branchCode ?? null, figure);
      return { figure, ...list };
    },
  });
};

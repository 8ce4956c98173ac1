import { tokyoDate } from '../../../shared/domain/tokyo-time';
import { manifestRoutes as manifestApi } from '../../../shared/hub/routes/manifests';
import { manifestDay } from '../../services/manifests';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

export const manifestRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, manifestApi, {
    'manifests.get': async (request) => manifestDay(store.db, request.query.date ?? tokyoDate(new Date()), request.query.branchCode),
  });
};

import { auditRoutes as auditApi } from '../../../shared/hub/routes/audit';
import { listAudit } from '../../services/audit/audit-log';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

export const auditRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, auditApi, {
    'audit.list': async (request) => {
      const { from, to, kind, before, limit } = request.query;
      return listAudit(store.db, { from, to, kinds: kind?.split(','), before, limit });
    },
  });
};

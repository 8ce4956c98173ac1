import { tokyoDate } from '../../../shared/domain/tokyo-time';
import { pickListRoutes as pickListApi } from '../../../shared/hub/routes/pick-lists';
import { listPickLists, makePickLists } from '../../services/pick-lists';
import { notFound } from '../../services/refusal';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { sellerFilter } from '../seller-scope';

export const pickListRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, pickListApi, {
    'pickLists.make': async (request) => {
      const principal = request.principal!;
      const createdBy = principal.kind === 'user' ? principal.userId : principal.stationId;
      return makePickLists(store, { branchCode: request.body.branchCode, ordersPerList: request.body.ordersPerList, createdBy });
    },

    'pickLists.list': async (request) => {
      const principal = request.principal!;
      const { branchCode, date } = request.query;
      // A station sees its own branch: another branch's lists are as good as absent.
      if (principal.kind === 'station' && principal.branchCode !== branchCode) throw notFound('branch', branchCode);
      return { lists: await listPickLists(store.db, { branchCode, date: date ?? tokyoDate(new Date()), sellerId: sellerFilter(request, undefined) }) };
    },
  });
};

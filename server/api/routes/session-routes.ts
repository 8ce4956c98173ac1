import { sessionRoutes as sessionApi } from '../../../shared/hub/routes/session';
import { Refusal } from '../../services/refusal';
import { signIn } from '../../services/users';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

export const sessionRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, sessionApi, {
    'session.signIn': async (request) => {
      if ('badge' in request.body && request.principal?.kind !== 'station') throw new Refusal('badge-needs-station');
      return signIn(store.db, request.body);
    },

    'session.users': async () => {
      const rows = await store.db
        .selectFrom('users')
        .select(['id', 'name', 'role', 'seller_id'])
        .where('role', '!=', 'seller')
        .where('disabled_at', 'is', null)
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, sellerId: row.seller_id }));
    },

    'session.me': async (request) => {
      const principal = request.principal!;
      return principal.kind === 'user'
        ? { kind: 'user' as const, role: principal.role, id: principal.userId, sellerId: principal.sellerId }
        : { kind: 'station' as const, role: 'station', id: principal.stationId, sellerId: null };
    },
  });
};

import { sessionRoutes as sessionApi } from '../../../shared/hub/routes/session';
import { Refusal } from '../../services/refusal';
import { parseAuthorization } from '../../auth/authenticate';
import { signIn, signOut } from '../../services/users';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';

export const sessionRoutes: HubRoutes = (app, store) => {
  registerRoutes(app, sessionApi, {
    'session.signIn': async (request) => {
      if ('badge' in request.body && request.principal?.kind !== 'station') throw new Refusal('badge-needs-station');
      // Failed attempts count against the station that sent them, or the caller's address (sign-in-guard.ts).
      const stationId = request.principal?.kind === 'station' ? request.principal.stationId : null;
      return signIn(store.db, request.body, new Date(), { stationId, address: stationId ? null : request.ip });
    },

    'session.signOut': async (request) => {
      const claimed = parseAuthorization(request.headers.authorization);
      if (claimed?.kind === 'bearer') await signOut(store.db, claimed.token);
      return null;
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

import { z } from 'zod';
import { personRoles } from '../../../shared/hub/hub-roles';
import { Refusal } from '../../services/refusal';
import { signIn } from '../../services/users';
import type { HubRoutes } from '../build-app';

const userSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(personRoles), sellerId: z.string().nullable() });
/** A station keeps a signed-in user's credentials for sign-in with the hub away, tagged with this version. */
const signedInUserSchema = userSchema.extend({ credentialsVersion: z.int().positive() });

export const sessionRoutes: HubRoutes = (app, store) => {
  app.post(
    '/api/v1/sessions',
    {
      config: { roles: 'public' },
      schema: {
        summary: 'Sign in with a name (or user id) and PIN; a station may sign a user in by badge.',
        body: z.union([
          z.object({ user: z.string().min(1).max(100), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
          z.object({ badge: z.string().min(1).max(128) }).strict(),
        ]),
        response: { 200: z.object({ token: z.string(), expiresAt: z.string(), user: signedInUserSchema }) },
      },
    },
    async (request) => {
      if ('badge' in request.body && request.principal?.kind !== 'station') throw new Refusal('badge-needs-station');
      return signIn(store.db, request.body);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { roles: ['admin', 'supervisor', 'station'] },
      schema: { summary: 'Staff users who may sign in (disabled ones left out), for the station sign-in list.', response: { 200: z.array(userSchema) } },
    },
    async () => {
      const rows = await store.db.selectFrom('users').select(['id', 'name', 'role', 'seller_id']).where('role', '!=', 'seller').where('disabled_at', 'is', null).orderBy('name').execute();
      return rows.map((row) => ({ id: row.id, name: row.name, role: row.role as (typeof personRoles)[number], sellerId: row.seller_id }));
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { roles: ['admin', 'supervisor', 'clerk', 'packer', 'seller', 'station'] },
      schema: { summary: 'Who the caller is.', response: { 200: z.object({ kind: z.enum(['user', 'station']), role: z.string(), id: z.string(), sellerId: z.string().nullable() }) } },
    },
    async (request) => {
      const principal = request.principal!;
      return principal.kind === 'user'
        ? { kind: 'user' as const, role: principal.role, id: principal.userId, sellerId: principal.sellerId }
        : { kind: 'station' as const, role: 'station', id: principal.stationId, sellerId: null };
    },
  );
};

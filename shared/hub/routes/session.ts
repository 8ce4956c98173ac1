import { z } from 'zod';
import { personRoles } from '../hub-roles';
import { hubRoute } from '../route';

/**
 * A user as the hub names it. The role is one of personRoles today; it is read as text so that a station meeting a
 * role a newer hub added leaves that user out (it has no floor screens for it) instead of failing the whole answer.
 */
export const hubUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().describe(personRoles.join(' | ')),
  sellerId: z.string().nullable(),
});
/**
 * A station keeps a signed-in user's credentials for sign-in with the hub away, tagged with this version. Every hub
 * of this release sends it; a hub from before offline sign-in did not, and its users are then not cached.
 */
export const signedInUserSchema = hubUserSchema.extend({ credentialsVersion: z.int().positive().optional() });

/** Signing in, and who is who. */
export const sessionRoutes = {
  'session.signIn': hubRoute({
    method: 'POST',
    path: '/api/v1/sessions',
    roles: 'public',
    summary: 'Sign in with a name (or user id) and PIN; a station may sign a user in by badge.',
    body: z.union([
      z.object({ user: z.string().min(1).max(100), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
      z.object({ badge: z.string().min(1).max(128) }).strict(),
    ]),
    status: 200,
    response: z.object({ token: z.string(), expiresAt: z.string(), user: signedInUserSchema }),
  }),
  'session.signOut': hubRoute({
    method: 'DELETE',
    path: '/api/v1/sessions/current',
    roles: ['admin', 'supervisor', 'clerk', 'packer', 'seller'],
    summary: 'Sign out: the session token of the call is revoked at once.',
    status: 204,
    response: z.null().describe('Signed out.'),
  }),
  'session.users': hubRoute({
    method: 'GET',
    path: '/api/v1/users',
    roles: ['admin', 'supervisor', 'station'],
    summary: 'Staff users who may sign in (disabled ones left out), for the station sign-in list.',
    status: 200,
    response: z.array(hubUserSchema),
  }),
  'session.me': hubRoute({
    method: 'GET',
    path: '/api/v1/me',
    roles: ['admin', 'supervisor', 'clerk', 'packer', 'seller', 'station'],
    summary: 'Who the caller is.',
    status: 200,
    response: z.object({ kind: z.enum(['user', 'station']), role: z.string(), id: z.string(), sellerId: z.string().nullable() }),
  }),
} as const;

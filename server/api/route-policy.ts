import type { HubRole } from '../../shared/hub/hub-roles';

/** Every route states who may call it; a route that says nothing is closed (see build-app.ts). */
export type RouteRoles = 'public' | readonly HubRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: RouteRoles;
  }
}

export const staff = ['admin', 'supervisor', 'clerk', 'packer'] as const satisfies readonly HubRole[];
export const office = ['admin', 'supervisor'] as const satisfies readonly HubRole[];

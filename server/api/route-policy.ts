import type { HubRouteRoles } from '../../shared/hub/route';

/** Every route states who may call it (shared/hub); a route that says nothing is closed (see build-app.ts). */
export type RouteRoles = HubRouteRoles;

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: RouteRoles;
    /** The route's name in the hub route map (shared/hub/hub-api.ts). */
    routeName?: string;
  }
}

export { office, staff } from '../../shared/hub/route';

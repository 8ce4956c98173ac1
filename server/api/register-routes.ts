import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { hubApi, type HubApi, type HubRouteName } from '../../shared/hub/hub-api';
import type { HubRouteIn, HubRouteSpec } from '../../shared/hub/route';
import type { HubApp } from './build-app';

/** A request as a route's schemas leave it: params, query and body typed by the route map. */
export type HubRouteRequest<N extends HubRouteName> = FastifyRequest & HubRouteIn<HubApi[N]>;

type AnswerOf<S extends HubRouteSpec> = S['response'] extends z.ZodType ? z.input<S['response']> : unknown;

/**
 * A route's handler: it answers the route's response (the status is the map's), or, for the few routes that answer
 * a file rather than JSON, the reply it sent itself.
 */
export type HubHandler<N extends HubRouteName> = (request: HubRouteRequest<N>, reply: FastifyReply) => Promise<AnswerOf<HubApi[N]> | FastifyReply>;

/** How a route is registered beyond what the map says. */
export interface RouteRegistration {
  /**
   * The handler checks the body itself (a batch reports every bad line with its index, together with what only the
   * database can tell): a validation error is attached to the request instead of answered.
   */
  attachValidation?: boolean;
}

/**
 * Registers an area's routes from the route map: method, URL, schemas and roles come from shared/hub, the route file
 * only gives a handler per route name. A route of the area without a handler does not compile.
 */
export function registerRoutes<A extends Partial<HubApi>>(
  app: HubApp,
  area: A,
  handlers: { [N in keyof A & HubRouteName]: HubHandler<N> },
  options: { [N in keyof A & HubRouteName]?: RouteRegistration } = {},
): void {
  for (const name of Object.keys(area) as (keyof A & HubRouteName)[]) {
    registerRoute(app, name, handlers[name], options[name]);
  }
}

function registerRoute<N extends HubRouteName>(app: HubApp, name: N, handler: HubHandler<N>, registration: RouteRegistration = {}): void {
  const spec: HubRouteSpec = hubApi[name];
  const response = spec.documented ?? (spec.response ? { [spec.status]: spec.response } : undefined);
  app.route({
    method: spec.method,
    url: spec.path,
    config: { roles: spec.roles, routeName: name },
    ...(registration.attachValidation ? { attachValidation: true } : {}),
    schema: {
      operationId: name,
      ...(spec.summary ? { summary: spec.summary } : {}),
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(response ? { response } : {}),
    },
    handler: async (request, reply) => {
      reply.status(spec.status);
      return handler(request as unknown as HubRouteRequest<N>, reply);
    },
  });
}

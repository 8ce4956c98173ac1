import type { z } from 'zod';
import type { HubRole } from './hub-roles';

/** Every route states who may call it; a route that says nothing is closed (server/api/build-app.ts). */
export type HubRouteRoles = 'public' | readonly HubRole[];

export const staff = ['admin', 'supervisor', 'clerk', 'packer'] as const satisfies readonly HubRole[];
export const office = ['admin', 'supervisor'] as const satisfies readonly HubRole[];

export type HubMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One route of the hub API, the one description both sides use: the hub registers it (server/api/register-routes.ts)
 * and validates with its schemas, the OpenAPI document is generated from it, and the station's hub client
 * (electron/station/hub-client/hub-http.ts) builds the request from it and parses the answer with `response`.
 */
export interface HubRouteSpec {
  method: HubMethod;
  /** Fastify style: `/api/v1/orders/:orderId`. */
  path: string;
  summary?: string;
  description?: string;
  roles: HubRouteRoles;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The status of a successful answer. */
  status: 200 | 201 | 204;
  /** Its body; absent when the answer is not JSON (a file download). */
  response?: z.ZodType;
  /**
   * The answers as the OpenAPI document lists them, where one schema per status does not say it all (a refusal with a
   * documented body, one answer in two content types); by default `{ [status]: response }`.
   */
  documented?: Record<number, unknown>;
}

/** Keeps a route's literal types (method, schemas) while checking it is a route. */
export const hubRoute = <const S extends HubRouteSpec>(spec: S): S => spec;

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a route's handler receives, as its schemas leave it (coerced, defaults filled in). */
export interface HubRouteIn<S extends HubRouteSpec> {
  params: Output<S['params']>;
  query: Output<S['query']>;
  body: Output<S['body']>;
}

/** What a caller sends: the schemas' input types; a part the route does not take is left out. */
export type HubRouteCall<S extends HubRouteSpec> = ([S['params']] extends [z.ZodType] ? { params: z.input<S['params']> } : { params?: undefined }) &
  ([S['query']] extends [z.ZodType] ? { query?: z.input<S['query']> } : { query?: undefined }) &
  ([S['body']] extends [z.ZodType] ? { body: z.input<S['body']> } : { body?: undefined });

/** What a handler answers (the serializer checks it against the schema's input side). */
export type HubRouteAnswerIn<S extends HubRouteSpec> = Input<S['response']>;
/** What the caller gets after parsing the answer. */
export type HubRouteAnswer<S extends HubRouteSpec> = Output<S['response']>;

/** The path of a call, its `:params` filled in (encoded). */
export function hubRoutePath(spec: Pick<HubRouteSpec, 'path'>, params: Record<string, unknown> | undefined): string {
  return spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`route ${spec.path}: parameter ${name} missing`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from a query object: undefined values left out, the rest as text. */
export function hubQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length === 0) return '';
  // shared/ has no URLSearchParams (no DOM, no Node): the few characters a query needs escaped are escaped here.
  return `?${entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}`;
}

import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HubLanguage } from '../../shared/hub/hub-roles';
import { hubVersion, hubVersionHeader } from '../../shared/hub/hub-version';
import { parseAuthorization, principalOf } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { Refusal } from '../services/refusal';
import type { HubStore } from '../storage/database';
import { languageOf } from './language';
import { hubMessage } from './messages';
import { rateLimitOf, type RateLimits } from './rate-limits';
import { statusOfRefusal } from './refusal-status';
import type { RouteRoles } from './route-policy';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    language: HubLanguage;
  }
}

/** What a route module registers on: Fastify with zod schemas for types and validation. */
export type HubApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface RoutePolicy {
  method: string;
  url: string;
  roles: RouteRoles | undefined;
  /** Its name in the hub route map (shared/hub/hub-api.ts); undefined for a route not registered from it. */
  name: string | undefined;
}

export interface HubAppOptions {
  store: HubStore;
  logger?: boolean;
  /** Largest request body; Excel uploads are the big ones. */
  bodyLimit?: number;
  /** Requests per minute per caller (server/api/rate-limits.ts); tests narrow them. */
  rateLimits?: Partial<RateLimits>;
}

export type HubRoutes = (app: HubApp, store: HubStore) => Promise<void> | void;

/**
 * The hub's HTTP API: zod validates every request and response, the OpenAPI document is served at
 * /api/openapi.json, every route declares its roles, and every refusal is a code plus a sentence in the caller's
 * language.
 */
export async function buildHubApp(options: HubAppOptions, routes: HubRoutes[]): Promise<{ app: FastifyInstance; policies: RoutePolicy[] }> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 12 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const policies: RoutePolicy[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') policies.push({ method, url: route.url, roles: route.config?.roles, name: route.config?.routeName });
    }
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'QWMS hub', version: hubVersion, description: 'System of record for QWMS Floor stations and the seller side.' },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('principal', null);
  app.decorateRequest('language', 'ja');
  await app.register(rateLimit, { global: false });
  const limitRate = rateLimitOf(app, options.rateLimits);
  // The door is checked on arrival, before the body is even parsed: a stranger learns nothing from validation errors.
  app.addHook('onRequest', async (request, reply) => {
    // Every answer, a refusal or an unknown route's 404 too, says which hub sent it (shared/hub/hub-version.ts).
    reply.header(hubVersionHeader, hubVersion);
    request.language = languageOf(request.headers['accept-language']);
    if (request.routeOptions.url === undefined) return; // no such route: Fastify answers 404
    const claimed = parseAuthorization(request.headers.authorization);
    // The rate limit comes first, keyed by what the caller claims to be: a flood costs no scrypt and no query.
    await limitRate(request, reply, claimed);
    const roles = request.routeOptions.config?.roles;
    // A station secret is checked (scrypt, the first time) only where a station may go at all.
    if (claimed?.kind === 'station' && roles !== 'public' && !roles?.includes('station')) throw new Refusal('forbidden');
    request.principal = await principalOf(options.store.db, claimed);
    if (roles === 'public') return;
    if (!request.principal) throw new Refusal('unauthenticated');
    // A route without roles is closed to everyone: forgetting to declare them must not open it.
    if (!roles || !roles.includes(request.principal.role)) throw new Refusal('forbidden');
  });

  app.setErrorHandler((error, request, reply) => {
    const language = request.language ?? 'ja';
    // Every refusal, from a service or from the API's own checks, gets its status and sentence here and nowhere else.
    if (error instanceof Refusal) {
      return reply
        .status(statusOfRefusal(error))
        .send({ error: { code: error.code, message: hubMessage(error.code, language, error.params), details: error.details } });
    }
    const withValidation = error as {
      validation?: { instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }[];
      statusCode?: number;
      code?: string;
    };
    if (withValidation.validation) {
      const fields = withValidation.validation.map(
        (issue) => issue.params?.issue?.path?.join('.') || issue.instancePath?.replace(/^\//, '').replace(/\//g, '.') || '(body)',
      );
      const unique = [...new Set(fields)];
      return reply.status(400).send({
        error: {
          code: 'bad-input',
          message: hubMessage('bad-input', language, { fields: unique.join(', ') }),
          details: withValidation.validation.map((issue, i) => ({ field: unique[i] ?? fields[i], message: issue.message })),
        },
      });
    }
    if (withValidation.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({
        error: {
          code: 'body-too-large',
          message: hubMessage('body-too-large', language, { max: `${Math.round(app.initialConfig.bodyLimit! / 1024 / 1024)} MB` }),
        },
      });
    }
    if (withValidation.statusCode && withValidation.statusCode >= 400 && withValidation.statusCode < 500) {
      return reply
        .status(withValidation.statusCode)
        .send({ error: { code: 'bad-input', message: hubMessage('bad-input', language, { fields: error instanceof Error ? error.message : '' }) } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: hubMessage('internal', language) } });
  });

  app.get('/api/openapi.json', { config: { roles: 'public' }, schema: { hide: true } }, async () => app.swagger());
  for (const register of routes) await register(app.withTypeProvider<ZodTypeProvider>(), options.store);
  await app.ready();
  return { app, policies };
}

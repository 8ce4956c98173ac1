import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClaimedCredential } from '../auth/authenticate';
import { hashToken } from '../auth/tokens';
import { Refusal } from '../services/refusal';

/**
 * Requests per minute per caller. Sign-in is tight (a PIN is 4 to 8 digits: guessing must be slow even across many
 * names, on top of the per-account lockout); everything else is generous; a station is allowed far more, since it
 * pushes every scan and pulls the changes feed, and its sync must never hit the limit in normal use.
 */
export interface RateLimits {
  signInPerMinute: number;
  stationPerMinute: number;
  otherPerMinute: number;
}

export const defaultRateLimits: RateLimits = { signInPerMinute: 30, stationPerMinute: 6000, otherPerMinute: 1200 };

/**
 * Whom a request counts against, from what it claims before anything is checked (checking costs scrypt for a
 * station): a station by its id together with its address, so that someone sending another station's id from
 * elsewhere uses up only their own allowance; a person by their session token; anyone else by address.
 */
function keyOf(request: FastifyRequest, claimed: ClaimedCredential): string {
  const who =
    claimed?.kind === 'station'
      ? `station:${claimed.stationId}@${request.ip}`
      : claimed?.kind === 'bearer'
        ? `session:${hashToken(claimed.token).slice(0, 24)}`
        : `address:${request.ip}`;
  return request.routeOptions.config?.routeName === 'session.signIn' ? `sign-in|${who}` : who;
}

/** The hub's limiter (@fastify/rate-limit, registered with `global: false`), called from the hub's own door hook. */
export function rateLimitOf(
  app: FastifyInstance,
  overrides: Partial<RateLimits> = {},
): (request: FastifyRequest, reply: FastifyReply, claimed: ClaimedCredential) => Promise<void> {
  const limits = { ...defaultRateLimits, ...overrides };
  const keys = new WeakMap<FastifyRequest, string>();
  const handler = app.rateLimit({
    timeWindow: 60_000,
    keyGenerator: (request) => keys.get(request)!,
    max: (_request, key) =>
      key.startsWith('sign-in|') ? limits.signInPerMinute : key.startsWith('station:') ? limits.stationPerMinute : limits.otherPerMinute,
    // Thrown into the hub's error handler: a 429 with a code and a sentence in the caller's language.
    errorResponseBuilder: (_request, context) => new Refusal('rate-limited', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  return async (request, reply, claimed) => {
    keys.set(request, keyOf(request, claimed));
    await handler.call(app, request, reply);
  };
}

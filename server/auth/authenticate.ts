import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubRole } from '../../shared/hub/hub-roles';
import type { HubDatabase } from '../storage/schema';
import { pinMatches } from './pin-hash';
import type { Principal } from './principal';
import { hashToken } from './tokens';

/** What an `Authorization` header claims, before anything is checked. */
export type ClaimedCredential = { kind: 'bearer'; token: string } | { kind: 'station'; stationId: string; secret: string } | null;

/** `Authorization: Bearer <session token>` for people, `Authorization: Station <id>:<secret>` for stations. */
export function parseAuthorization(header: string | undefined): ClaimedCredential {
  if (!header) return null;
  const [scheme, credential] = header.split(' ', 2);
  if (!credential) return null;
  if (scheme === 'Bearer') return { kind: 'bearer', token: credential };
  if (scheme === 'Station') {
    const separator = credential.indexOf(':');
    if (separator < 1) return null;
    return { kind: 'station', stationId: credential.slice(0, separator), secret: credential.slice(separator + 1) };
  }
  return null;
}

/**
 * Who the credential belongs to, or null. A session token is one indexed lookup; a station secret is checked with
 * scrypt (off the event loop) the first time and from memory after (see stationSecretMatches). The caller decides
 * beforehand whether a station may call the route at all, so a `Station` header on a route closed to stations costs
 * no scrypt.
 */
export async function principalOf(db: Kysely<HubDatabase>, claimed: ClaimedCredential, now = new Date()): Promise<Principal | null> {
  if (!claimed) return null;
  if (claimed.kind === 'bearer') {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.name', 'users.role', 'users.seller_id', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', hashToken(claimed.token))
      .executeTakeFirst();
    if (!row || row.expires_at <= now.toISOString()) return null;
    return { kind: 'user', userId: row.id, name: row.name, role: row.role as Exclude<HubRole, 'station'>, sellerId: row.seller_id };
  }
  const station = await db.selectFrom('stations').selectAll().where('id', '=', claimed.stationId).executeTakeFirst();
  if (!station || !(await stationSecretMatches(claimed.stationId, claimed.secret, station.secret_hash))) return null;
  return { kind: 'station', stationId: claimed.stationId, branchCode: station.branch_code, role: 'station' };
}

/** Both steps at once, for callers that have no route to ask (tests, tools). */
export async function principalFromHeader(db: Kysely<HubDatabase>, header: string | undefined, now = new Date()): Promise<Principal | null> {
  return principalOf(db, parseAuthorization(header), now);
}

/**
 * A station sends its secret with every push and pull, and scrypt takes tens of milliseconds: so a secret, once
 * checked against its stored scrypt hash, is remembered as a SHA-256 digest beside that hash. A station re-registered
 * (a new stored hash) is checked with scrypt again; a wrong secret always is. Requests arriving together before the
 * first check ends share its one scrypt.
 */
const checkedSecrets = new Map<string, { stored: string; digest: Buffer }>();
const checking = new Map<string, Promise<boolean>>();

async function stationSecretMatches(stationId: string, secret: string, stored: string): Promise<boolean> {
  const digest = createHash('sha256').update(secret).digest();
  const known = checkedSecrets.get(stationId);
  if (known && known.stored === stored && timingSafeEqual(known.digest, digest)) return true;
  const key = `${stationId}\u0000${stored}\u0000${digest.toString('hex')}`;
  let pending = checking.get(key);
  if (!pending) {
    pending = pinMatches(secret, stored).finally(() => checking.delete(key));
    checking.set(key, pending);
  }
  if (!(await pending)) return false;
  checkedSecrets.set(stationId, { stored, digest });
  return true;
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubRole } from '../../shared/hub/hub-roles';
import type { HubDatabase } from '../storage/schema';
import { pinMatches } from './pin-hash';
import type { Principal } from './principal';
import { hashToken } from './tokens';

/** `Authorization: Bearer <session token>` for people, `Authorization: Station <id>:<secret>` for stations. */
export async function principalFromHeader(db: Kysely<HubDatabase>, header: string | undefined, now = new Date()): Promise<Principal | null> {
  if (!header) return null;
  const [scheme, credential] = header.split(' ', 2);
  if (!credential) return null;
  if (scheme === 'Bearer') {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.name', 'users.role', 'users.seller_id', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', hashToken(credential))
      .executeTakeFirst();
    if (!row || row.expires_at <= now.toISOString()) return null;
    return { kind: 'user', userId: row.id, name: row.name, role: row.role as Exclude<HubRole, 'station'>, sellerId: row.seller_id };
  }
  if (scheme === 'Station') {
    const separator = credential.indexOf(':');
    if (separator < 1) return null;
    const stationId = credential.slice(0, separator);
    const station = await db.selectFrom('stations').selectAll().where('id', '=', stationId).executeTakeFirst();
    if (!station || !stationSecretMatches(stationId, credential.slice(separator + 1), station.secret_hash)) return null;
    return { kind: 'station', stationId, branchCode: station.branch_code, role: 'station' };
  }
  return null;
}

/**
 * A station sends its secret with every push and pull, and scrypt takes tens of milliseconds with the event loop
 * blocked: so a secret, once checked against its stored scrypt hash, is remembered as a SHA-256 digest beside that
 * hash. A station re-registered (a new stored hash) is checked with scrypt again; a wrong secret always is.
 */
const checkedSecrets = new Map<string, { stored: string; digest: Buffer }>();

function stationSecretMatches(stationId: string, secret: string, stored: string): boolean {
  const digest = createHash('sha256').update(secret).digest();
  const known = checkedSecrets.get(stationId);
  if (known && known.stored === stored && timingSafeEqual(known.digest, digest)) return true;
  if (!pinMatches(secret, stored)) return false;
  checkedSecrets.set(stationId, { stored, digest });
  return true;
}

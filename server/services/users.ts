import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PersonRole } from '../../shared/hub/hub-roles';
import { HubError } from '../api/hub-error';
import { hashPin, pinMatches } from '../auth/pin-hash';
import { newToken } from '../auth/tokens';
import type { HubDatabase } from '../storage/schema';

const sessionHours = 12;

export interface NewUser {
  /** Given only for well-known users (demo data); otherwise generated. */
  id?: string;
  name: string;
  role: PersonRole;
  pin: string;
  sellerId?: string | null;
  badge?: string | null;
}

export async function addUser(db: Kysely<HubDatabase>, user: NewUser, now = new Date()): Promise<string> {
  if (user.role === 'seller' && !user.sellerId) throw new HubError('seller-user-needs-seller', 400);
  if (user.role !== 'seller' && user.sellerId) throw new HubError('staff-user-has-no-seller', 400);
  if (user.sellerId && !(await db.selectFrom('sellers').select('id').where('id', '=', user.sellerId).executeTakeFirst())) {
    throw new HubError('not-found', 404, { what: 'seller', id: user.sellerId });
  }
  if (await db.selectFrom('users').select('id').where('name', '=', user.name).executeTakeFirst()) {
    throw new HubError('duplicate', 409, { what: 'user', id: user.name });
  }
  const id = user.id ?? `u-${randomUUID()}`;
  await db
    .insertInto('users')
    .values({ id, name: user.name, role: user.role, seller_id: user.sellerId ?? null, pin_hash: hashPin(user.pin), badge: user.badge ?? null, created_at: now.toISOString() })
    .execute();
  return id;
}

/** Signs in by user id or name with a PIN, or by badge; answers the same for an unknown user and a wrong PIN. */
export async function signIn(db: Kysely<HubDatabase>, credentials: { user?: string; pin?: string; badge?: string }, now = new Date()) {
  const query = db.selectFrom('users').selectAll();
  const user = credentials.badge
    ? await query.where('badge', '=', credentials.badge).executeTakeFirst()
    : await query.where((eb) => eb.or([eb('id', '=', credentials.user ?? ''), eb('name', '=', credentials.user ?? '')])).executeTakeFirst();
  const pinOk = credentials.badge ? true : !!user && !!credentials.pin && pinMatches(credentials.pin, user.pin_hash);
  if (!user || !pinOk) throw new HubError('bad-credentials', 401);
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await db.insertInto('sessions').values({ token_hash: hash, user_id: user.id, expires_at: expiresAt }).execute();
  return { token, expiresAt, user: { id: user.id, name: user.name, role: user.role as PersonRole, sellerId: user.seller_id } };
}

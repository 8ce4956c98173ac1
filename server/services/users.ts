import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PersonRole } from '../../shared/hub/hub-roles';
import { Refusal } from './refusal';
import { hashPin, pinMatches, spendLikeAPinCheck } from '../auth/pin-hash';
import { hashToken, newToken } from '../auth/tokens';
import type { HubDatabase, UsersTable } from '../storage/schema';
import { appendAudit } from './audit/audit-log';
import { recordChange, type ChangeRecord } from './changes';
import { clearFailures, recordFailure, runningLock, signInGuardPolicy, type GuardKey } from './sign-in-guard';

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
  if (user.role === 'seller' && !user.sellerId) throw new Refusal('seller-user-needs-seller');
  if (user.role !== 'seller' && user.sellerId) throw new Refusal('staff-user-has-no-seller');
  if (user.sellerId && !(await db.selectFrom('sellers').select('id').where('id', '=', user.sellerId).executeTakeFirst())) {
    throw new Refusal('not-found', { what: 'seller', id: user.sellerId });
  }
  if (await db.selectFrom('users').select('id').where('name', '=', user.name).executeTakeFirst()) {
    throw new Refusal('duplicate', { what: 'user', id: user.name });
  }
  const id = user.id ?? `u-${randomUUID()}`;
  const row = {
    id,
    name: user.name,
    role: user.role,
    seller_id: user.sellerId ?? null,
    pin_hash: await hashPin(user.pin),
    badge: user.badge ?? null,
    created_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await publishUser(trx, { ...row, disabled_at: null, credentials_version: 1 }, now);
  });
  return id;
}

type UserRow = Pick<UsersTable, 'id' | 'name' | 'role'> & { disabled_at: string | null; credentials_version: number };

/**
 * Floor staff go on the changes feed (every branch: anyone may sign in at any station) with what a station needs to
 * keep or drop its cached sign-in: never the PIN hash or the badge. Seller users never sign in on the floor.
 */
async function publishUser(trx: Kysely<HubDatabase>, row: UserRow, now: Date): Promise<void> {
  if (row.role === 'seller') return;
  const change: ChangeRecord = {
    entity: 'user',
    entityId: row.id,
    op: 'upsert',
    branchCode: null,
    sellerId: null,
    data: { id: row.id, name: row.name, role: row.role, active: row.disabled_at === null, credentialsVersion: row.credentials_version },
  };
  await recordChange(trx, change, now);
}

async function findUser(db: Kysely<HubDatabase>, user: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', user), eb('name', '=', user)]))
    .executeTakeFirst();
  if (!row) throw new Refusal('not-found', { what: 'user', id: user });
  return row;
}

/** A new PIN and/or badge: the credentials version moves on, so stations forget what they cached for the old ones. */
export async function changeUserCredentials(
  db: Kysely<HubDatabase>,
  user: string,
  change: { pin?: string; badge?: string | null },
  now = new Date(),
): Promise<void> {
  // Hashed before the transaction: scrypt's thread-pool wait should not hold a database transaction open.
  const pinHash = change.pin === undefined ? undefined : await hashPin(change.pin);
  await db.transaction().execute(async (trx) => {
    const row = await findUser(trx, user);
    if (change.badge && (await trx.selectFrom('users').select('id').where('badge', '=', change.badge).where('id', '!=', row.id).executeTakeFirst())) {
      throw new Refusal('duplicate', { what: 'badge', id: change.badge });
    }
    const version = row.credentials_version + 1;
    await trx
      .updateTable('users')
      .set({
        credentials_version: version,
        ...(pinHash === undefined ? {} : { pin_hash: pinHash }),
        ...(change.badge === undefined ? {} : { badge: change.badge }),
      })
      .where('id', '=', row.id)
      .execute();
    await publishUser(trx, { ...row, credentials_version: version }, now);
  });
}

/** Disables a user: no more sign-ins, open sessions end, and stations drop the user's cached sign-in with the next feed. */
export async function disableUser(db: Kysely<HubDatabase>, user: string, now = new Date()): Promise<{ id: string; name: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await findUser(trx, user);
    const disabledAt = row.disabled_at ?? now.toISOString();
    await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', row.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await publishUser(trx, { ...row, disabled_at: disabledAt }, now);
    return { id: row.id, name: row.name };
  });
}

/** Where a sign-in comes from: the station that sent it, or else the caller's address. */
export interface SignInOrigin {
  stationId?: string | null;
  address?: string | null;
}

/**
 * Signs in by user id or name with a PIN, or by badge. An unknown name, a disabled user and a wrong PIN answer the
 * same refusal after the same scrypt work; a badge always costs one scrypt too. Failures count towards a lockout of
 * the account and of the station (sign-in-guard.ts); while either is locked the answer says when to try again and no
 * PIN is checked; a success clears both counts. Every attempt goes in the audit log.
 */
export async function signIn(
  db: Kysely<HubDatabase>,
  credentials: { user?: string; pin?: string; badge?: string },
  now = new Date(),
  origin: SignInOrigin = {},
) {
  const method = credentials.badge ? 'badge' : 'pin';
  // A disabled user is refused exactly like an unknown one.
  const query = db.selectFrom('users').selectAll().where('disabled_at', 'is', null);
  const user = credentials.badge
    ? await query.where('badge', '=', credentials.badge).executeTakeFirst()
    : await query.where((eb) => eb.or([eb('id', '=', credentials.user ?? ''), eb('name', '=', credentials.user ?? '')])).executeTakeFirst();
  const account: GuardKey | null = user
    ? { key: `user:${user.id}`, threshold: signInGuardPolicy.accountThreshold }
    : credentials.badge
      ? null // a badge nobody holds: the station's count stops guessing
      : { key: `name:${(credentials.user ?? '').toLowerCase()}`, threshold: signInGuardPolicy.accountThreshold };
  const source: GuardKey | null = origin.stationId
    ? { key: `station:${origin.stationId}`, threshold: signInGuardPolicy.stationThreshold }
    : origin.address
      ? { key: `address:${origin.address}`, threshold: signInGuardPolicy.stationThreshold }
      : null;
  const guards = [account, source].filter((guard): guard is GuardKey => guard !== null);
  const audit = { userId: user?.id ?? null, userName: user?.name ?? credentials.user ?? null, stationId: origin.stationId ?? null, method };

  const lock = await runningLock(db, guards, now);
  if (lock) {
    await appendAudit(db, { kind: 'sign-in', outcome: 'refused', ...audit, reason: 'locked', detail: { lockedOn: lock.key, until: lock.until } }, now);
    throw lockedRefusal(lock.until, now);
  }

  const ok = credentials.badge
    ? (await spendLikeAPinCheck(credentials.badge)) || !!user
    : !!user && !!credentials.pin
      ? await pinMatches(credentials.pin, user.pin_hash)
      : await spendLikeAPinCheck(credentials.pin ?? '');
  if (!user || !ok) {
    const reason = !user ? (credentials.badge ? 'unknown-badge' : 'unknown-user') : 'wrong-pin';
    await appendAudit(db, { kind: 'sign-in', outcome: 'refused', ...audit, reason }, now);
    let lockedUntil: string | null = null;
    for (const guard of guards) {
      const until = await recordFailure(db, guard, now);
      if (!until) continue;
      await appendAudit(db, { kind: 'lockout', outcome: 'ok', ...audit, reason, detail: { lockedOn: guard.key, until } }, now);
      if (!lockedUntil || until > lockedUntil) lockedUntil = until;
    }
    // The failure that locks says so at once, so the person at the station knows to wait.
    if (lockedUntil) throw lockedRefusal(lockedUntil, now);
    throw new Refusal('bad-credentials');
  }
  // A success clears the account's count and the station's: a busy station's occasional typos never add up to a lock,
  // and a guesser holding one account of their own still meets each other account's lock.
  for (const guard of guards) await clearFailures(db, guard.key);
  await purgeExpiredSessions(db, now);
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await db.insertInto('sessions').values({ token_hash: hash, user_id: user.id, expires_at: expiresAt }).execute();
  await appendAudit(db, { kind: 'sign-in', outcome: 'ok', ...audit }, now);
  return {
    token,
    expiresAt,
    user: { id: user.id, name: user.name, role: user.role as PersonRole, sellerId: user.seller_id, credentialsVersion: user.credentials_version },
  };
}

function lockedRefusal(until: string, now: Date): Refusal {
  return new Refusal('sign-in-locked', { seconds: Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)), until });
}

/** Ends a session: its token is refused from now on. Answers whether there was one. */
export async function signOut(db: Kysely<HubDatabase>, token: string, origin: SignInOrigin = {}, now = new Date()): Promise<boolean> {
  const session = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name'])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session) return false;
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  await appendAudit(db, { kind: 'sign-out', outcome: 'ok', userId: session.id, userName: session.name, stationId: origin.stationId ?? null }, now);
  return true;
}

/** Sessions past their end are removed (at every sign-in and on the hub's timer), so the table does not grow with every shift. */
export async function purgeExpiredSessions(db: Kysely<HubDatabase>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

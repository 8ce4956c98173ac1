import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PersonRole } from '../../shared/hub/hub-roles';
import { Refusal } from './refusal';
import { hashPin, pinMatches } from '../auth/pin-hash';
import { newToken } from '../auth/tokens';
import type { HubDatabase, UsersTable } from '../storage/schema';
import { recordChange, type ChangeRecord } from './changes';

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
    pin_hash: hashPin(user.pin),
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
        ...(change.pin === undefined ? {} : { pin_hash: hashPin(change.pin) }),
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

/** Signs in by user id or name with a PIN, or by badge; answers the same for an unknown user and a wrong PIN. */
export async function signIn(db: Kysely<HubDatabase>, credentials: { user?: string; pin?: string; badge?: string }, now = new Date()) {
  // A disabled user is refused exactly like an unknown one.
  const query = db.selectFrom('users').selectAll().where('disabled_at', 'is', null);
  const user = credentials.badge
    ? await query.where('badge', '=', credentials.badge).executeTakeFirst()
    : await query.where((eb) => eb.or([eb('id', '=', credentials.user ?? ''), eb('name', '=', credentials.user ?? '')])).executeTakeFirst();
  const pinOk = credentials.badge ? true : !!user && !!credentials.pin && pinMatches(credentials.pin, user.pin_hash);
  if (!user || !pinOk) throw new Refusal('bad-credentials');
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await db.insertInto('sessions').values({ token_hash: hash, user_id: user.id, expires_at: expiresAt }).execute();
  return {
    token,
    expiresAt,
    user: { id: user.id, name: user.name, role: user.role as PersonRole, sellerId: user.seller_id, credentialsVersion: user.credentials_version },
  };
}

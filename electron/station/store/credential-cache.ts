import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { roles, type Role } from '../../../shared/domain/roles';

/** Who a cached credential signs in: what the session shows, and the hub's credentials version it was written at. */
export interface CachedUser {
  id: string;
  name: string;
  role: Role;
  credentialsVersion: number;
}

export type CredentialCheck = { kind: 'match'; user: CachedUser } | { kind: 'wrong' } | { kind: 'unknown' };

interface CredentialRow {
  user_id: string;
  name: string;
  role: string;
  credentials_version: number;
  pin_hash: string | null;
  badge_key: string | null;
  failed_pin_checks: number;
}

/** What the hub's changes feed says about a user (entity 'user'): never a hash, never a PIN. */
interface UserChange {
  entity: string;
  entityId: string;
  op: 'upsert' | 'delete';
  data: unknown;
}

const hashBytes = 32;
// scrypt's default cost (N = 2^14, r = 8): tens of milliseconds a guess, off the event loop (libuv's thread pool).
const scryptAsync = (secret: string, salt: string) =>
  new Promise<Buffer>((resolve, reject) => scrypt(secret, salt, hashBytes, (error, key) => (error ? reject(error) : resolve(key))));

/**
 * Wrong PINs in a row, with the hub away, after which the station forgets the user's PIN hash: a 4-digit PIN must not
 * be guessable at leisure on an unattended station. The next sign-in needs the hub (which writes the hash again).
 */
export const maxWrongOfflinePins = 5;

const isRole = (role: unknown): role is Role => (roles as readonly unknown[]).includes(role);

/** Station schema step 3: the credential cache table (see StationStore's versions). */
export function createCredentialCacheTable(db: BetterSqlite3.Database): void {
  db.exec(`
    create table credential_cache (
      user_id text primary key,
      name text not null,
      role text not null,
      credentials_version integer not null,
      pin_hash text,
      badge_key text unique,
      failed_pin_checks integer not null default 0,
      cached_at text not null
    );
  `);
}

/**
 * What the station keeps to sign in people who signed in here before while the hub is away: per user a salted scrypt
 * hash of the PIN and, for badges, an scrypt of the badge under a key of this station (a badge is looked up by it, so
 * its salt is per station, not per user). Never the PIN or badge itself, and nothing here is logged.
 * Written on each online sign-in; the hub's feed removes a user's row when the user is disabled, removed, or gets
 * new credentials (a higher credentials version).
 */
export class CredentialCache {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** After the hub accepted this PIN or badge: (re)writes the user's row, dropping credentials of an older version. */
  async remember(user: CachedUser, credential: { pin: string } | { badge: string }, now = new Date()): Promise<void> {
    const secret =
      'pin' in credential
        ? { pin_hash: await this.pinHash(credential.pin), badge_key: null }
        : { pin_hash: null, badge_key: await this.badgeKey(credential.badge) };
    this.db.transaction(() => {
      const existing = this.row(user.id);
      const keep = existing && existing.credentials_version === user.credentialsVersion ? existing : null;
      // Another user's row can hold this badge only if the hub moved the badge and the feed has not said so yet.
      if (secret.badge_key) this.db.prepare('update credential_cache set badge_key = null where badge_key = ? and user_id != ?').run(secret.badge_key, user.id);
      this.db
        .prepare(
          `insert into credential_cache (user_id, name, role, credentials_version, pin_hash, badge_key, cached_at) values (?, ?, ?, ?, ?, ?, ?)
           on conflict (user_id) do update set name = excluded.name, role = excluded.role, credentials_version = excluded.credentials_version,
             pin_hash = excluded.pin_hash, badge_key = excluded.badge_key, failed_pin_checks = 0, cached_at = excluded.cached_at`,
        )
        .run(
          user.id,
          user.name,
          user.role,
          user.credentialsVersion,
          secret.pin_hash ?? keep?.pin_hash ?? null,
          secret.badge_key ?? keep?.badge_key ?? null,
          now.toISOString(),
        );
    })();
  }

  /**
   * A PIN against the cached hash. An unknown user costs one hash too, so timing does not tell who signed in here.
   * Too many wrong ones in a row and the hash is forgotten (maxWrongOfflinePins).
   */
  async checkPin(userId: string, pin: string): Promise<CredentialCheck> {
    const row = this.row(userId);
    if (!row?.pin_hash) {
      await scryptAsync(pin, 'no-such-user');
      return { kind: 'unknown' };
    }
    const [salt, hash] = row.pin_hash.split(':') as [string, string];
    const expected = Buffer.from(hash, 'hex');
    const candidate = await scryptAsync(pin, salt);
    if (expected.length === candidate.length && timingSafeEqual(candidate, expected)) {
      this.db.prepare('update credential_cache set failed_pin_checks = 0 where user_id = ?').run(userId);
      return { kind: 'match', user: toUser(row) };
    }
    this.db
      .prepare(
        'update credential_cache set failed_pin_checks = failed_pin_checks + 1, pin_hash = case when failed_pin_checks + 1 >= ? then null else pin_hash end where user_id = ?',
      )
      .run(maxWrongOfflinePins, userId);
    return { kind: 'wrong' };
  }

  /** A scanned badge: found by its keyed hash, or unknown here. */
  async checkBadge(badge: string): Promise<CredentialCheck> {
    const key = await this.badgeKey(badge);
    const row = this.db.prepare<[string], CredentialRow>('select * from credential_cache where badge_key = ?').get(key);
    return row ? { kind: 'match', user: toUser(row) } : { kind: 'unknown' };
  }

  /**
   * One change from the hub's feed, inside the store's transaction: a user disabled, removed, no longer floor staff or
   * with newer credentials is forgotten; otherwise name and role follow the hub's change of the same version.
   */
  applyUserChange(change: UserChange): void {
    if (change.entity !== 'user') return;
    const row = this.row(change.entityId);
    if (!row) return;
    const data = change.data as { name?: unknown; role?: unknown; active?: unknown; credentialsVersion?: unknown } | null;
    const version = typeof data?.credentialsVersion === 'number' ? data.credentialsVersion : Number.POSITIVE_INFINITY;
    if (change.op === 'delete' || data?.active !== true || !isRole(data.role) || version > row.credentials_version) {
      this.db.prepare('delete from credential_cache where user_id = ?').run(change.entityId);
      return;
    }
    // An older change replayed from before the cached sign-in says nothing about the credentials cached since.
    if (version < row.credentials_version) return;
    if (typeof data.name === 'string')
      this.db.prepare('update credential_cache set name = ?, role = ? where user_id = ?').run(data.name, data.role, change.entityId);
  }

  /** Everything stored, for tests that prove no PIN or badge is in it. */
  rows(): Record<string, unknown>[] {
    return this.db.prepare('select * from credential_cache').all() as Record<string, unknown>[];
  }

  private row(userId: string): CredentialRow | undefined {
    return this.db.prepare<[string], CredentialRow>('select * from credential_cache where user_id = ?').get(userId);
  }

  private async pinHash(pin: string): Promise<string> {
    const salt = randomBytes(16).toString('hex');
    return `${salt}:${(await scryptAsync(pin, salt)).toString('hex')}`;
  }

  private badgeKey(badge: string): Promise<string> {
    return scryptAsync(badge.trim(), `badge:${this.stationKey()}`).then((key) => key.toString('hex'));
  }

  /** This station's random badge salt, made once and kept in its settings. */
  private stationKey(): string {
    const found = this.db.prepare("select value from settings where key = 'credentials.badgeSalt'").get() as { value: string } | undefined;
    if (found) return found.value;
    const salt = randomBytes(16).toString('hex');
    this.db.prepare("insert into settings (key, value) values ('credentials.badgeSalt', ?) on conflict (key) do nothing").run(salt);
    return (this.db.prepare("select value from settings where key = 'credentials.badgeSalt'").get() as { value: string }).value;
  }
}

function toUser(row: CredentialRow): CachedUser {
  return { id: row.user_id, name: row.name, role: row.role as Role, credentialsVersion: row.credentials_version };
}

import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from '../storage/schema';

/**
 * Lockout after failed sign-ins, per account and per station (or address), with a back-off that grows: the
 * `threshold`-th failure in a row locks for 30 s, each further one doubles the lock, up to 15 minutes. A PIN of 4
 * digits then takes weeks to guess instead of minutes. A success clears the count; failures older than an hour with
 * no lock running are forgotten. Kept in the hub database: a restart or a second
 * hub process sees the same locks.
 */
export const signInGuardPolicy = {
  accountThreshold: 5,
  /** A station signs many people in: more failures before its lock, which stops everyone at it. */
  stationThreshold: 10,
  firstLockMs: 30_000,
  longestLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export interface GuardKey {
  key: string;
  threshold: number;
}

/** The lock still running on any of the keys, the one ending last; null when none is. */
export async function runningLock(db: Kysely<HubDatabase>, keys: GuardKey[], now: Date): Promise<{ key: string; until: string } | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .selectFrom('sign_in_guards')
    .select(['key', 'locked_until'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('locked_until', '>', now.toISOString())
    .orderBy('locked_until', 'desc')
    .execute();
  const row = rows[0];
  return row ? { key: row.key, until: row.locked_until! } : null;
}

/**
 * Counts one failure on the key (one statement, so two hub processes counting at once both count) and, at the
 * threshold or past it, locks it. Returns the lock's end when this failure locked the key.
 */
export async function recordFailure(db: Kysely<HubDatabase>, guard: GuardKey, now: Date): Promise<string | null> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - signInGuardPolicy.forgetAfterMs).toISOString();
  const row = await db
    .insertInto('sign_in_guards')
    .values({ key: guard.key, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when sign_in_guards.last_failure_at < ${forgetBefore} and (sign_in_guards.locked_until is null or sign_in_guards.locked_until <= ${at}) then 1 else sign_in_guards.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  if (failures < guard.threshold) return null;
  const lockMs = Math.min(signInGuardPolicy.firstLockMs * 2 ** Math.min(failures - guard.threshold, 20), signInGuardPolicy.longestLockMs);
  const until = new Date(now.getTime() + lockMs).toISOString();
  await db.updateTable('sign_in_guards').set({ locked_until: until }).where('key', '=', guard.key).execute();
  return until;
}

/** A sign-in that succeeded: the account (and the station it was made at) starts again from no failures. */
export async function clearFailures(db: Kysely<HubDatabase>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_guards').where('key', '=', key).execute();
}

import { sql, type Kysely } from 'kysely';

/** One lock for every writing transaction on PostgreSQL (see `serializeWritesOnPostgres`). */
export const hubWriteLock = 7310001;

/**
 * On PostgreSQL, makes every `db.transaction()` take the hub's write lock first. The changes feed needs its sequence
 * numbers to commit in order (a station that read "after 4" and saw 6 must never later miss 5), which the lock
 * gives; taking it first, before any row lock, is what keeps it from deadlocking against row locks. SQLite already
 * has one writer at a time.
 */
export function serializeWritesOnPostgres<DB>(db: Kysely<DB>): Kysely<DB> {
  const transaction = db.transaction.bind(db);
  db.transaction = () => {
    const builder = transaction();
    const execute = builder.execute.bind(builder);
    builder.execute = (work) =>
      execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${hubWriteLock})`.execute(trx);
        return work(trx);
      });
    return builder;
  };
  return db;
}

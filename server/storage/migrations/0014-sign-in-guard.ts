import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import { withSerialKey } from './column-types';

/**
 * Step 14: sign-in lockout and the audit log.
 * - `sign_in_guards`: failed sign-ins per account (`user:<id>`, or `name:<name>` for a name nobody has) and per
 *   station (`station:<id>`, or `address:<ip>` for a caller that is not a station), with when the lock ends. In the
 *   database, not in memory: a lockout survives a restart and holds for every hub process on the same database.
 * - `audit_log`: who did what, when, from which station, and how it went; `detail` is JSON text for what a kind of
 *   entry adds. Append-only, and the database itself holds to it: a trigger refuses every UPDATE and DELETE, so no
 *   code path (a bug, a careless script with the hub's credentials) rewrites history without dropping the trigger.
 */
export function up0014(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('sign_in_guards')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
    await withSerialKey(db.schema.createTable('audit_log'), 'seq', dialect)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('user_name', 'text')
      .addColumn('station_id', 'text')
      .addColumn('method', 'text')
      .addColumn('reason', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'seq']).execute();
    await db.schema.createIndex('audit_log_kind_at').on('audit_log').columns(['kind', 'at', 'seq']).execute();
    if (dialect === 'postgres') {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function audit_log_append_only()`.execute(db);
    } else {
      for (const change of ['update', 'delete']) {
        await sql
          .raw(`create trigger audit_log_no_${change} before ${change} on audit_log begin select raise(abort, 'audit_log is append-only'); end`)
          .execute(db);
      }
    }
  };
}

export function down0014(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await db.schema.dropTable('audit_log').execute(); // its triggers go with it
    if (dialect === 'postgres') await sql`drop function audit_log_append_only()`.execute(db);
    await db.schema.dropTable('sign_in_guards').execute();
  };
}

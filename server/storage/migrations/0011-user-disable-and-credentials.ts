import type { Kysely } from 'kysely';

/**
 * Step 11: users can be disabled, and each user's credentials carry a version. Stations keep a slow hash of the PIN
 * and badge of people who signed in there, so they can sign in while the hub is away; the changes feed tells them
 * when to forget it: `disabled_at` set (the person left, the badge was lost) or `credentials_version` moved on (a
 * new PIN or badge). Users already there are enabled, at version 1.
 */
export function up0011() {
  return async (db: Kysely<unknown>) => {
    await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
    await db.schema
      .alterTable('users')
      .addColumn('credentials_version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  };
}

export async function down0011(db: Kysely<unknown>) {
  await db.schema.alterTable('users').dropColumn('credentials_version').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}

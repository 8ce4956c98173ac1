import type { Kysely } from 'kysely';
import { bigInteger } from './column-types';

/** Step 1: branches, sellers with their Q-cash balance, users and their sessions, registered stations. */
export function up0001() {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('branches')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sellers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('balance_jpy', bigInteger, (c) => c.notNull().defaultTo(0))
      .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.references('sellers.id'))
      .addColumn('pin_hash', 'text', (c) => c.notNull())
      .addColumn('badge', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  };
}

export async function down0001(db: Kysely<unknown>) {
  for (const table of ['stations', 'sessions', 'users', 'sellers', 'branches']) await db.schema.dropTable(table).execute();
}

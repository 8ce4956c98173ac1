import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Step 9: a tracking number belongs to a parcel, not to one order. A Qoo10 cart ships in one box under one label,
 * so every order of the cart carries the same number (the hub checks that only orders of one cart share it, see
 * server/sync/packing-events.ts). Step 3 made `orders.tracking_no` unique; this step replaces the constraint with a
 * plain index.
 *
 * SQLite cannot drop a column constraint, so the table is rebuilt from its own stored definition with the UNIQUE
 * removed (SQLite's documented twelve steps: foreign keys off, copy, drop, rename, indexes, foreign key check). The
 * tables that reference `orders` name it, so they point at the rebuilt table; the rows are copied unchanged.
 */
export function up0009(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    if (dialect === 'postgres') {
      await sql`alter table orders drop constraint if exists orders_tracking_no_key`.execute(db);
    } else {
      // Kysely runs SQLite steps outside a transaction, which is what lets foreign keys be switched off here.
      await sql`pragma foreign_keys = off`.execute(db);
      try {
        await db.transaction().execute(async (trx) => {
          const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'orders'`.execute(trx);
          const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null`.execute(
            trx,
          );
          const definition = table.rows[0]!.sql;
          // Stepped down and up again: the table was rebuilt before and down leaves it as it is (see down0009).
          if (!/"tracking_no"\s+text\s+unique/i.test(definition)) return;
          const rebuilt = definition.replace(/("tracking_no"\s+text)\s+unique/i, '$1').replace(/^CREATE TABLE "orders"/i, 'CREATE TABLE "orders_0009"');
          if (!/"tracking_no" text,/i.test(rebuilt) || !rebuilt.includes('"orders_0009"')) throw new Error('0009: the orders table is not as step 3 made it');
          await sql.raw(rebuilt).execute(trx);
          await sql`insert into orders_0009 select * from orders`.execute(trx);
          await sql`drop table orders`.execute(trx);
          await sql`alter table orders_0009 rename to orders`.execute(trx);
          for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
          const broken = await sql`pragma foreign_key_check`.execute(trx);
          if (broken.rows.length > 0) throw new Error(`0009: ${broken.rows.length} foreign keys broken by the rebuild of orders`);
        });
      } finally {
        await sql`pragma foreign_keys = on`.execute(db);
      }
    }
    await db.schema.createIndex('orders_tracking_no').on('orders').column('tracking_no').execute();
  };
}

/** Down removes the index only: numbers shared by the orders of a cart could not be made unique again. */
export async function down0009(db: Kysely<unknown>) {
  await db.schema.dropIndex('orders_tracking_no').execute();
}

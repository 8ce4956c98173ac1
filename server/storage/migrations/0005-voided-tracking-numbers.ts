import type { Kysely } from 'kysely';

/**
 * Step 5: tracking numbers whose labels were voided on the floor. A voided label may still be lying somewhere (a
 * spoiled print, a label torn off a parcel), so its number must never go on another parcel: it is kept here for
 * ever, and packing refuses it.
 */
export function up0005() {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('voided_tracking_numbers')
      .addColumn('tracking_no', 'text', (c) => c.primaryKey())
      // The order the label was printed for, and the floor event that voided it: the trail back to station and clerk.
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('station_event_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('voided_at', 'text', (c) => c.notNull())
      .execute();
  };
}

export async function down0005(db: Kysely<unknown>) {
  await db.schema.dropTable('voided_tracking_numbers').execute();
}

import type { Kysely } from 'kysely';

/**
 * Step 10: the hub keeps the time a floor event happened on the floor, not only when it reached the hub. A station
 * with the hub away pushes its scans minutes or hours later; until now the handlers stamped them with the arrival
 * time, so a parcel scanned out at 23:59 and pushed after midnight went on the next day's manifest.
 *
 * - `station_events.occurred_at`: the floor time the station reported with the event, verbatim (`applied_at` stays
 *   the arrival). Receipts written before this step do not know it (null).
 * - `orders.picked_at`, `orders.packed_at`: when the order was picked and packed on the floor (`shipped_at` already
 *   exists and now holds the floor time of the scan out). Null for orders that passed those steps before.
 * - `stock_movements.occurred_at`: when the movement happened on the floor (a pick at its scan out, an inbound at the
 *   end of inspection); `created_at` stays the time the hub recorded it, and the key its order of arrival. Existing
 *   movements were stamped when they happened as far as anyone knows, so they get their `created_at`.
 */
export function up0010() {
  return async (db: Kysely<unknown>) => {
    await db.schema.alterTable('station_events').addColumn('occurred_at', 'text').execute();
    await db.schema.alterTable('orders').addColumn('picked_at', 'text').execute();
    await db.schema.alterTable('orders').addColumn('packed_at', 'text').execute();
    await db.schema.alterTable('stock_movements').addColumn('occurred_at', 'text').execute();
    const trx = db as Kysely<{ stock_movements: { occurred_at: string | null; created_at: string } }>;
    await trx
      .updateTable('stock_movements')
      .set((eb) => ({ occurred_at: eb.ref('created_at') }))
      .execute();
    // Daily counts sum a day's inbound movements by their floor time.
    await db.schema.createIndex('stock_movements_kind_occurred').on('stock_movements').columns(['kind', 'occurred_at']).execute();
  };
}

export async function down0010(db: Kysely<unknown>) {
  await db.schema.dropIndex('stock_movements_kind_occurred').execute();
  await db.schema.alterTable('stock_movements').dropColumn('occurred_at').execute();
  await db.schema.alterTable('orders').dropColumn('packed_at').execute();
  await db.schema.alterTable('orders').dropColumn('picked_at').execute();
  await db.schema.alterTable('station_events').dropColumn('occurred_at').execute();
}

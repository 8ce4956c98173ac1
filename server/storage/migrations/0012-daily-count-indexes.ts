import { sql, type Kysely } from 'kysely';

/**
 * Step 12: what the supervisor's day (日次集計, server/services/daily-counts/) needs to be answered from indexes on a
 * year of history, and what stations now report.
 *
 * - `stations.outbox_waiting`, `print_problems`, `reported_at`: a station's own figures as it last reported them
 *   (`stations.report`); null until it does. `last_contact_at`: the last time it called the hub (push, pull or report).
 * - `station_events.user_id`: who was signed in at the station (the event's `userId`), so the day can say who counted,
 *   picked and packed. `floor_at`: the event's floor time as the hub took it (guarded, server/sync/floor-time.ts),
 *   in the hub's own ISO form, so a Tokyo day is a text range over it. Receipts from before this step know no user;
 *   their floor time is their stated time where that is not after their arrival, else the arrival.
 * - Indexes: every figure of the day is a range over one time column (bundles arrived, completed; orders paid,
 *   allocated, picked, packed, shipped; events by kind and floor time); the ledger's inbound units and the shipped
 *   orders' services, parcels and due days are read from the indexes alone.
 */
export function up0012() {
  return async (db: Kysely<unknown>) => {
    await db.schema.alterTable('stations').addColumn('outbox_waiting', 'integer').execute();
    await db.schema.alterTable('stations').addColumn('print_problems', 'integer').execute();
    await db.schema.alterTable('stations').addColumn('reported_at', 'text').execute();
    await db.schema.alterTable('stations').addColumn('last_contact_at', 'text').execute();

    await db.schema.alterTable('station_events').addColumn('user_id', 'text').execute();
    await db.schema.alterTable('station_events').addColumn('floor_at', 'text').execute();
    await sql`update station_events set floor_at = case when occurred_at is not null and occurred_at <= applied_at then occurred_at else applied_at end`.execute(
      db,
    );
    await db.schema.createIndex('station_events_kind_floor').on('station_events').columns(['kind', 'floor_at']).execute();

    await db.schema.createIndex('cargo_bundles_arrived').on('cargo_bundles').column('arrived_at').execute();
    await db.schema.createIndex('cargo_bundles_completed').on('cargo_bundles').column('completed_at').execute();
    await db.schema.createIndex('cargo_bundles_state').on('cargo_bundles').columns(['state', 'updated_at']).execute();

    for (const column of ['paid_at', 'allocated_at', 'picked_at', 'packed_at']) {
      await db.schema.createIndex(`orders_${column}`).on('orders').column(column).execute();
    }
    // Parcels per service and hour, and the 14 days' shipped and late orders (due day from source, payment and the
    // scheduled date), read from the index alone.
    await db.schema
      .createIndex('orders_shipped_at')
      .on('orders')
      .columns(['shipped_at', 'branch_code', 'service', 'tracking_no', 'source', 'paid_at', 'desired_ship_date'])
      .execute();

    await db.schema.createIndex('stock_movements_kind_day').on('stock_movements').columns(['kind', 'occurred_at', 'branch_code', 'quantity']).execute();
    // Covered by the wider index above.
    await db.schema.dropIndex('stock_movements_kind_occurred').execute();
  };
}

export async function down0012(db: Kysely<unknown>) {
  await db.schema.createIndex('stock_movements_kind_occurred').on('stock_movements').columns(['kind', 'occurred_at']).execute();
  await db.schema.dropIndex('stock_movements_kind_day').execute();
  for (const column of ['paid_at', 'allocated_at', 'picked_at', 'packed_at', 'shipped_at']) await db.schema.dropIndex(`orders_${column}`).execute();
  for (const name of ['cargo_bundles_state', 'cargo_bundles_completed', 'cargo_bundles_arrived', 'station_events_kind_floor'])
    await db.schema.dropIndex(name).execute();
  for (const column of ['floor_at', 'user_id']) await db.schema.alterTable('station_events').dropColumn(column).execute();
  for (const column of ['last_contact_at', 'reported_at', 'print_problems', 'outbox_waiting'])
    await db.schema.alterTable('stations').dropColumn(column).execute();
}

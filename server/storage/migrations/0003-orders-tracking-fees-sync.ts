import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import { bigInteger, withSerialKey } from './column-types';

/** Step 3: orders and their allocation, tracking numbers, fees, and the sync tables (changes feed, station events). */
export function up0003(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('order_no', 'text', (c) => c.notNull())
      .addColumn('cart_no', 'text')
      .addColumn('listing_id', 'text')
      .addColumn('sku', 'text', (c) => c.references('inventory_options.sku'))
      .addColumn('option_label', 'text')
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('recipient_name', 'text', (c) => c.notNull())
      .addColumn('recipient_phone', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('delivery_method', 'text')
      .addColumn('time_slot', 'text')
      .addColumn('desired_ship_date', 'text')
      .addColumn('paid_at', 'text', (c) => c.notNull())
      .addColumn('ships_within_14_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('branch_code', 'text', (c) => c.references('branches.code'))
      .addColumn('allocated_at', 'text')
      .addColumn('tracking_no', 'text', (c) => c.unique())
      .addColumn('service', 'text')
      .addColumn('shipped_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('orders_seller_order_no', ['seller_id', 'order_no'])
      .execute();
    await db.schema.createIndex('orders_state').on('orders').columns(['state', 'branch_code']).execute();
    await db.schema.createIndex('orders_cart').on('orders').columns(['seller_id', 'cart_no']).execute();
    await db.schema
      .createTable('tracking_counter')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('next_serial', bigInteger, (c) => c.notNull())
      .execute();
    await withSerialKey(db.schema.createTable('tracking_blocks'), 'id', dialect)
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('first_serial', bigInteger, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tracking_uploads')
      .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
      .addColumn('tracking_no', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('exported_at', 'text')
      .execute();
    await db.schema
      .createTable('fee_schedules')
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('fee_kind', 'text', (c) => c.notNull())
      .addColumn('size_class', 'text', (c) => c.notNull())
      .addColumn('amount_jpy', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('fee_schedules_pk', ['branch_code', 'fee_kind', 'size_class'])
      .execute();
    await withSerialKey(db.schema.createTable('fee_charges'), 'id', dialect)
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_jpy', 'integer', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await withSerialKey(db.schema.createTable('changes'), 'seq', dialect)
      .addColumn('branch_code', 'text')
      .addColumn('seller_id', 'text')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('station_events')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('station_seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('station_events_order', ['station_id', 'station_seq'])
      .execute();
  };
}

export async function down0003(db: Kysely<unknown>) {
  for (const table of ['station_events', 'changes', 'fee_charges', 'fee_schedules', 'tracking_uploads', 'tracking_blocks', 'tracking_counter', 'orders']) {
    await db.schema.dropTable(table).execute();
  }
}

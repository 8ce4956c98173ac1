import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import { withSerialKey } from './column-types';

/** Step 2: Q-inventory codes and their options (SKUs), listing links, inbound lines, cargo bundles, the stock ledger. */
export function up0002(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('inventory_items')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('seller_item_code', 'text')
      .addColumn('separate_inventory', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('inventory_options')
      .addColumn('sku', 'text', (c) => c.primaryKey())
      .addColumn('inventory_code', 'text', (c) => c.notNull().references('inventory_items.code'))
      .addColumn('option_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('seller_sku_code', 'text')
      .addColumn('extra_price_jpy', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('JPY'))
      .addColumn('jan', 'text')
      .addColumn('length_cm', 'real')
      .addColumn('width_cm', 'real')
      .addColumn('height_cm', 'real')
      .addColumn('weight_g', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('inventory_options_code_unique', ['inventory_code', 'option_code'])
      .execute();
    await db.schema.createIndex('inventory_options_jan').on('inventory_options').column('jan').execute();
    await db.schema
      .createTable('listings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('listing_links')
      .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id'))
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('option_label', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('listing_links_pk', ['listing_id', 'sku'])
      .execute();
    await db.schema.createIndex('listing_links_sku').on('listing_links').column('sku').execute();
    await db.schema
      .createTable('cargo_bundles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('estimated_arrival', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text')
      .addColumn('tracking_no', 'text')
      .addColumn('box_count', 'integer')
      .addColumn('boxes_received', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('arrived_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('hold_reason', 'text')
      .addColumn('reject_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('inbound_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('description', 'text')
      .addColumn('bundle_id', 'text', (c) => c.references('cargo_bundles.id'))
      .addColumn('counted', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('inbound_lines_bundle').on('inbound_lines').column('bundle_id').execute();
    await db.schema
      .createTable('stock_balances')
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      // The ledger's rule, enforced by the database too: a balance is never negative.
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
      .addPrimaryKeyConstraint('stock_balances_pk', ['sku', 'branch_code'])
      .execute();
    await withSerialKey(db.schema.createTable('stock_movements'), 'id', dialect)
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity <> 0`))
      .addColumn('reference', 'text')
      .addColumn('station_event_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_movements_sku').on('stock_movements').columns(['sku', 'branch_code']).execute();
  };
}

export async function down0002(db: Kysely<unknown>) {
  for (const table of [
    'stock_movements',
    'stock_balances',
    'inbound_lines',
    'cargo_bundles',
    'listing_links',
    'listings',
    'inventory_options',
    'inventory_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

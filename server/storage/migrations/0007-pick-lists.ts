import type { Kysely } from 'kysely';

/**
 * Step 7: pick lists (ピッキングリスト). A list is a batch of a branch's orders due that day, made on the floor; its
 * lines (SKU at bin, units, orders) are derived from its orders and the bins, so only the orders are stored. An order
 * is on at most one list: `order_id` is the key, which keeps two stations making lists at once from sharing one.
 */
export function up0007() {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('pick_lists')
      // `PL00000001`: fixed width, so text order is number order; scanned or typed on the floor.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      // The user (or station) that made it.
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('pick_lists_branch_created').on('pick_lists').columns(['branch_code', 'created_at']).execute();
    await db.schema
      .createTable('pick_list_orders')
      .addColumn('pick_list_id', 'text', (c) => c.notNull().references('pick_lists.id'))
      .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
      // The order's place on its list: priority order.
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pick_list_orders_list').on('pick_list_orders').columns(['pick_list_id', 'position']).execute();
  };
}

export async function down0007(db: Kysely<unknown>) {
  await db.schema.dropTable('pick_list_orders').execute();
  await db.schema.dropTable('pick_lists').execute();
}

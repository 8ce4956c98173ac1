import type { Kysely } from 'kysely';

/**
 * Step 6: where each SKU is shelved at a branch (its bin, e.g. `A-01-02-03`), set at putaway by scanning the SKU and
 * then the bin. One bin per SKU and branch; moving a SKU overwrites it. Pick lists walk the branch in bin order.
 */
export function up0006() {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('sku_locations')
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('bin', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // The user who scanned it on the floor (null when it came from a tool or the demo data).
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('sku_locations_pk', ['branch_code', 'sku'])
      .execute();
    // Pick lists read a branch's locations in walking order.
    await db.schema.createIndex('sku_locations_branch_bin').on('sku_locations').columns(['branch_code', 'bin']).execute();
  };
}

export async function down0006(db: Kysely<unknown>) {
  await db.schema.dropTable('sku_locations').execute();
}

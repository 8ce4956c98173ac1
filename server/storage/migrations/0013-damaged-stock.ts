import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import { bigInteger, withSerialKey } from './column-types';

/**
 * Step 13: damaged stock apart from sellable, cycle counts, and the daily reconciliation's findings.
 * - `stock_balances.damaged`: damaged units per SKU and branch, never negative; `quantity` stays the sellable units
 *   (what allocation and every existing reader already take it for).
 * - `stock_movements.condition`: which of the two balances a movement moves (`sellable` for every movement before
 *   this step); the ledger stays append-only and each balance is the sum of its condition's movements.
 * - `stock_counts`: every applied count (棚卸), a zero variance too, with who counted and who approved.
 * - `reconciliation_runs` / `stock_mismatches`: each run of the reconciliation and the balances it found differing
 *   from their ledger, with both figures; nothing is ever corrected by it.
 */
export function up0013(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await db.schema
      .alterTable('stock_balances')
      .addColumn('damaged', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`damaged >= 0`),
      )
      .execute();
    await db.schema
      .alterTable('stock_movements')
      .addColumn('condition', 'text', (c) =>
        c
          .notNull()
          .defaultTo('sellable')
          .check(sql`condition in ('sellable', 'damaged')`),
      )
      .execute();
    await withSerialKey(db.schema.createTable('stock_counts'), 'id', dialect)
      .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
      .addColumn('sku', 'text', (c) => c.notNull().references('inventory_options.sku'))
      .addColumn('bin', 'text')
      .addColumn('book', 'integer', (c) => c.notNull())
      .addColumn('counted', 'integer', (c) => c.notNull().check(sql`counted >= 0`))
      .addColumn('variance', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('counted_by', 'text', (c) => c.references('users.id'))
      .addColumn('second_approver_id', 'text', (c) => c.references('users.id'))
      .addColumn('station_event_id', 'text', (c) => c.notNull())
      // When it was counted on the floor, and when the hub applied it.
      .addColumn('counted_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_counts_branch_counted').on('stock_counts').columns(['branch_code', 'counted_at']).execute();
    await withSerialKey(db.schema.createTable('reconciliation_runs'), 'id', dialect)
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addColumn('balances_checked', 'integer', (c) => c.notNull())
      .addColumn('mismatch_count', 'integer', (c) => c.notNull())
      .execute();
    await withSerialKey(db.schema.createTable('stock_mismatches'), 'id', dialect)
      .addColumn('run_id', bigInteger, (c) => c.notNull().references('reconciliation_runs.id'))
      .addColumn('sku', 'text', (c) => c.notNull())
      .addColumn('branch_code', 'text', (c) => c.notNull())
      .addColumn('condition', 'text', (c) => c.notNull())
      // The balance as stored, and the sum of the ledger's movements for it.
      .addColumn('stock', 'integer', (c) => c.notNull())
      .addColumn('ledger', 'integer', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_mismatches_run').on('stock_mismatches').columns(['run_id', 'branch_code']).execute();
  };
}

export async function down0013(db: Kysely<unknown>) {
  await db.schema.dropTable('stock_mismatches').execute();
  await db.schema.dropTable('reconciliation_runs').execute();
  await db.schema.dropTable('stock_counts').execute();
  await db.schema.alterTable('stock_movements').dropColumn('condition').execute();
  await db.schema.alterTable('stock_balances').dropColumn('damaged').execute();
}

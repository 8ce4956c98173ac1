import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import { withSerialKey } from './column-types';

/**
 * Step 4: what quantity inspection noted besides the counts (those live on inbound_lines.counted): goods that are
 * none of the bundle's lines, and the clerk's reason for a line that came out short, over or damaged.
 */
export function up0004(dialect: Dialect) {
  return async (db: Kysely<unknown>) => {
    await withSerialKey(db.schema.createTable('inspection_findings'), 'id', dialect)
      .addColumn('bundle_id', 'text', (c) => c.notNull().references('cargo_bundles.id'))
      // The floor event that reported it, as stock_movements keep theirs: the trail back to station and clerk.
      .addColumn('station_event_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('unknown-item', 'wrong-seller', 'line-reason')`))
      // Set for a line reason only; found goods are by definition on no line.
      .addColumn('line_id', 'text', (c) => c.references('inbound_lines.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('inspection_findings_bundle').on('inspection_findings').column('bundle_id').execute();
  };
}

export async function down0004(db: Kysely<unknown>) {
  await db.schema.dropTable('inspection_findings').execute();
}

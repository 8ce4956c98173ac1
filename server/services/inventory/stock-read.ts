import type { Kysely } from 'kysely';
import type { HubDatabase } from '../../storage/schema';
import { findOption } from './inventory-lookups';
import { withQuantities, type BranchQuantity } from './inventory-views';

type Db = Kysely<HubDatabase>;

export interface SkuStockView {
  sku: string;
  sellerId: string;
  inventoryName: string;
  optionName: string;
  sellerSkuCode: string | null;
  totalQuantity: number;
  totalDamaged: number;
  branchQuantities: BranchQuantity[];
}

/** Every SKU in scope with its quantity per branch (a SKU never received shows 0 and no branches). */
export async function readStock(db: Db, filter: { sellerId: string | null; sku?: string; limit: number; offset: number }): Promise<SkuStockView[]> {
  if (filter.sku) await findOption(db, filter.sku, filter.sellerId);
  let query = db
    .selectFrom('inventory_options')
    .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
    .selectAll('inventory_options')
    .select(['inventory_items.seller_id', 'inventory_items.name as inventory_name'])
    .orderBy('inventory_options.sku')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.sellerId) query = query.where('inventory_items.seller_id', '=', filter.sellerId);
  if (filter.sku) query = query.where('inventory_options.sku', '=', filter.sku);
  const rows = await query.execute();
  const views = await withQuantities(db, rows);
  return rows.map((row, i) => ({
    sku: row.sku,
    sellerId: row.seller_id,
    inventoryName: row.inventory_name,
    optionName: row.name,
    sellerSkuCode: row.seller_sku_code,
    totalQuantity: views[i]!.totalQuantity,
    totalDamaged: views[i]!.totalDamaged,
    branchQuantities: views[i]!.branchQuantities,
  }));
}

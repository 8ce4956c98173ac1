import type { Kysely, Transaction } from 'kysely';
import { compareBins } from '../../shared/domain/bin-locations';
import type { HubDatabase } from '../storage/schema';
import { recordChange } from './changes';
import { findOption } from './inventory/inventory-lookups';

/** A SKU's bin at a branch, as the API and the changes feed (entity `sku-location`) show it. */
export interface SkuLocationView {
  branchCode: string;
  sku: string;
  bin: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** The changes feed's id of a SKU's location: one per branch and SKU. */
export const skuLocationEntityId = (branchCode: string, sku: string) => `${branchCode}/${sku}`;

/**
 * Shelves a SKU in a bin at a branch (the last placement wins) and tells that branch's stations, in the caller's
 * transaction. Any SKU known at the hub may be shelved; an unknown one is refused by name.
 */
export async function placeSku(
  trx: Transaction<HubDatabase> | Kysely<HubDatabase>,
  placement: { branchCode: string; sku: string; bin: string; updatedBy: string | null },
  now = new Date(),
): Promise<SkuLocationView> {
  const { sellerId } = await findOption(trx, placement.sku, null);
  const updatedAt = now.toISOString();
  await trx
    .insertInto('sku_locations')
    .values({ branch_code: placement.branchCode, sku: placement.sku, bin: placement.bin, updated_at: updatedAt, updated_by: placement.updatedBy })
    .onConflict((oc) => oc.columns(['branch_code', 'sku']).doUpdateSet({ bin: placement.bin, updated_at: updatedAt, updated_by: placement.updatedBy }))
    .execute();
  const view: SkuLocationView = { branchCode: placement.branchCode, sku: placement.sku, bin: placement.bin, updatedAt, updatedBy: placement.updatedBy };
  await recordChange(
    trx,
    {
      entity: 'sku-location',
      entityId: skuLocationEntityId(placement.branchCode, placement.sku),
      op: 'upsert',
      branchCode: placement.branchCode,
      sellerId,
      data: { branchCode: view.branchCode, sku: view.sku, bin: view.bin, updatedAt },
    },
    now,
  );
  return view;
}

/** A branch's SKU locations in walking order (zone, aisle, rack, level), optionally of one seller's SKUs only. */
export async function listSkuLocations(
  db: Kysely<HubDatabase>,
  filter: { branchCode: string; sellerId: string | null; sku?: string },
): Promise<SkuLocationView[]> {
  let query = db
    .selectFrom('sku_locations')
    .innerJoin('inventory_options', 'inventory_options.sku', 'sku_locations.sku')
    .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
    .select(['sku_locations.branch_code', 'sku_locations.sku', 'sku_locations.bin', 'sku_locations.updated_at', 'sku_locations.updated_by'])
    .where('sku_locations.branch_code', '=', filter.branchCode);
  if (filter.sellerId !== null) query = query.where('inventory_items.seller_id', '=', filter.sellerId);
  if (filter.sku !== undefined) query = query.where('sku_locations.sku', '=', filter.sku);
  const rows = await query.execute();
  return rows
    .map((row) => ({ branchCode: row.branch_code, sku: row.sku, bin: row.bin, updatedAt: row.updated_at, updatedBy: row.updated_by }))
    .sort((a, b) => compareBins(a.bin, b.bin) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

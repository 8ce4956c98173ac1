import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase } from '../../storage/schema';
import { notFound } from '../refusal';
import type { ItemRow, OptionRow } from './inventory-views';

/**
 * Finding a seller, a Q-inventory code or an option for a caller. `onlySeller` is the seller a caller is confined
 * to (a seller user) or null for staff; anything outside it is answered as not found.
 */

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** The option and its seller, or not found when it does not exist or belongs to a seller outside the scope. */
export async function findOption(db: Db, sku: string, onlySeller: string | null): Promise<{ option: OptionRow; sellerId: string; separateInventory: boolean }> {
  const row = await db
    .selectFrom('inventory_options')
    .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
    .selectAll('inventory_options')
    .select(['inventory_items.seller_id', 'inventory_items.separate_inventory'])
    .where('inventory_options.sku', '=', sku)
    .executeTakeFirst();
  if (!row || (onlySeller !== null && row.seller_id !== onlySeller)) throw notFound('SKU', sku);
  const { seller_id: sellerId, separate_inventory: separate, ...option } = row;
  return { option, sellerId, separateInventory: separate === 1 };
}

export async function requireSeller(db: Db, sellerId: string): Promise<void> {
  if (!(await db.selectFrom('sellers').select('id').where('id', '=', sellerId).executeTakeFirst())) throw notFound('seller', sellerId);
}

export async function findItem(db: Db, code: string, onlySeller: string | null): Promise<ItemRow> {
  const item = await db.selectFrom('inventory_items').selectAll().where('code', '=', code).executeTakeFirst();
  if (!item || (onlySeller !== null && item.seller_id !== onlySeller)) throw notFound('Q-inventory', code);
  return item;
}

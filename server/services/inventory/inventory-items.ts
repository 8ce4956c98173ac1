import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase } from '../../storage/schema';
import { appendTo } from '../chunks';
import { refuse } from '../refusal';
import { nextInventoryCode, rethrowUnique, withFreshCode } from './inventory-codes';
import { recordItemChange } from './inventory-feed';
import type { InventoryItemPatch, NewInventoryItem } from './inventory-inputs';
import { findItem, requireSeller } from './inventory-lookups';
import { itemFields, withQuantities, type InventoryItemView, type ItemRow, type OptionView } from './inventory-views';

/** Q-inventory codes: created, changed, read with their options. */

type Db = Kysely<HubDatabase>;
type Trx = Transaction<HubDatabase>;

export async function createInventoryItem(db: Db, input: NewInventoryItem, now = new Date()): Promise<InventoryItemView> {
  await requireSeller(db, input.sellerId);
  return withFreshCode(input.code === undefined, () => db.transaction().execute((trx) => insertInventoryItem(trx, input, now))).catch(
    rethrowUnique('Q-inventory', input.code),
  );
}

/** createInventoryItem inside a caller's transaction, for an item created together with other writes. */
export async function insertInventoryItem(trx: Trx, input: NewInventoryItem, now = new Date()): Promise<InventoryItemView> {
  const code = input.code ?? (await nextInventoryCode(trx));
  if (input.code && (await trx.selectFrom('inventory_items').select('code').where('code', '=', code).executeTakeFirst())) {
    throw refuse('duplicate', { what: 'Q-inventory', id: code });
  }
  const created: ItemRow = {
    code,
    seller_id: input.sellerId,
    name: input.name,
    seller_item_code: input.sellerItemCode ?? null,
    separate_inventory: input.separateInventory ? 1 : 0,
    created_at: now.toISOString(),
  };
  await trx.insertInto('inventory_items').values(created).execute();
  await recordItemChange(trx, created, now);
  return { ...itemFields(created), options: [] };
}

export async function updateInventoryItem(
  db: Db,
  code: string,
  onlySeller: string | null,
  patch: InventoryItemPatch,
  now = new Date(),
): Promise<InventoryItemView> {
  await db.transaction().execute(async (trx) => {
    const item = await findItem(trx, code, onlySeller);
    const updated: ItemRow = {
      ...item,
      name: patch.name ?? item.name,
      seller_item_code: patch.sellerItemCode === undefined ? item.seller_item_code : patch.sellerItemCode,
      separate_inventory: patch.separateInventory === undefined ? item.separate_inventory : patch.separateInventory ? 1 : 0,
    };
    await trx
      .updateTable('inventory_items')
      .set({ name: updated.name, seller_item_code: updated.seller_item_code, separate_inventory: updated.separate_inventory })
      .where('code', '=', code)
      .execute();
    await recordItemChange(trx, updated, now);
  });
  return getInventoryItem(db, code, onlySeller);
}

export async function getInventoryItem(db: Db, code: string, onlySeller: string | null): Promise<InventoryItemView> {
  const item = await findItem(db, code, onlySeller);
  const options = await db.selectFrom('inventory_options').selectAll().where('inventory_code', '=', code).orderBy('option_code').execute();
  return { ...itemFields(item), options: await withQuantities(db, options) };
}

export async function listInventoryItems(db: Db, filter: { sellerId: string | null; limit: number; offset: number }): Promise<InventoryItemView[]> {
  let query = db.selectFrom('inventory_items').selectAll().orderBy('code').limit(filter.limit).offset(filter.offset);
  if (filter.sellerId) query = query.where('seller_id', '=', filter.sellerId);
  const items = await query.execute();
  if (items.length === 0) return [];
  // The page is a range of codes, so its options are that range too: no list of parameters that grows with the page.
  let optionQuery = db
    .selectFrom('inventory_options')
    .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
    .selectAll('inventory_options')
    .where('inventory_options.inventory_code', '>=', items[0]!.code)
    .where('inventory_options.inventory_code', '<=', items.at(-1)!.code)
    .orderBy('inventory_options.inventory_code')
    .orderBy('inventory_options.option_code');
  if (filter.sellerId) optionQuery = optionQuery.where('inventory_items.seller_id', '=', filter.sellerId);
  const options = await optionQuery.execute();
  const optionsByItem = new Map<string, OptionView[]>();
  for (const option of await withQuantities(db, options)) appendTo(optionsByItem, option.inventoryCode, option);
  return items.map((item) => ({ ...itemFields(item), options: optionsByItem.get(item.code) ?? [] }));
}

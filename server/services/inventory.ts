import type { Kysely, Selectable, Transaction } from 'kysely';
import { formatSku, type InventoryCode, type OptionCode } from '../../shared/domain/identifiers';
import { conflict, notFound } from '../api/hub-error';
import { isUniqueViolation } from '../storage/constraint-errors';
import type { HubDatabase, InventoryItemsTable, InventoryOptionsTable } from '../storage/schema';
import { recordChange } from './changes';
import { appendTo, chunked } from './orders';

/**
 * Q-inventory codes, their options (SKUs) and the Qoo10 listings linked to them. `onlySeller` is the seller a
 * caller is confined to (a seller user) or null for staff; anything outside it is answered as not found.
 */

export interface BranchQuantity {
  branchCode: string;
  quantity: number;
}

export interface OptionView {
  sku: string;
  inventoryCode: string;
  optionCode: string;
  name: string;
  sellerSkuCode: string | null;
  extraPriceJpy: number;
  currency: 'JPY';
  jan: string | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  weightG: number | null;
  totalQuantity: number;
  branchQuantities: BranchQuantity[];
  /** Listings linked to this SKU; 0 means Qoo10 orders for it cannot be allocated. */
  linkedProductCount: number;
  createdAt: string;
}

export interface InventoryItemView {
  code: string;
  sellerId: string;
  name: string;
  sellerItemCode: string | null;
  separateInventory: boolean;
  createdAt: string;
  options: OptionView[];
}

export interface ListingLinkView {
  listingId: string;
  sku: string;
  title: string;
  optionLabel: string;
}

export interface NewInventoryItem {
  sellerId: string;
  code?: InventoryCode;
  name: string;
  sellerItemCode?: string | null;
  separateInventory: boolean;
}

export interface InventoryItemPatch {
  name?: string;
  sellerItemCode?: string | null;
  separateInventory?: boolean;
}

export interface OptionFields {
  name: string;
  sellerSkuCode: string | null;
  extraPriceJpy: number;
  currency: 'JPY';
  jan: string | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  weightG: number | null;
}

export type NewOption = Partial<OptionFields> & { name: string; optionCode?: OptionCode };
export type OptionPatch = Partial<OptionFields>;

type ItemRow = Selectable<InventoryItemsTable>;
type OptionRow = Selectable<InventoryOptionsTable>;
type Db = Kysely<HubDatabase>;
type Trx = Transaction<HubDatabase>;

const firstInventoryCode = 300_000_000_001;
const lastInventoryCode = 399_999_999_999;
const lastOptionCode = 99_999;

// ---------------------------------------------------------------------------------------------- Q-inventory codes

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
    throw conflict('duplicate', { what: 'Q-inventory', id: code });
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

export async function updateInventoryItem(db: Db, code: string, onlySeller: string | null, patch: InventoryItemPatch, now = new Date()): Promise<InventoryItemView> {
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

// ---------------------------------------------------------------------------------------------- options (SKUs)

export async function createOption(db: Db, inventoryCode: string, onlySeller: string | null, input: NewOption, now = new Date()): Promise<OptionView> {
  const row = await withFreshCode(input.optionCode === undefined, () =>
    db.transaction().execute((trx) => insertOption(trx, inventoryCode, onlySeller, input, now)),
  ).catch(rethrowUnique('SKU', input.optionCode && `${inventoryCode}-${input.optionCode}`));
  return (await withQuantities(db, [row]))[0]!;
}

/** createOption inside a caller's transaction, for options created together (an Excel import); returns the new row. */
export async function insertOption(trx: Trx, inventoryCode: string, onlySeller: string | null, input: NewOption, now = new Date()): Promise<OptionRow> {
  const item = await findItem(trx, inventoryCode, onlySeller);
  const optionCode = input.optionCode ?? (await nextOptionCode(trx, item.code));
  const sku = formatSku({ inventoryCode: item.code as InventoryCode, optionCode });
  if (await trx.selectFrom('inventory_options').select('sku').where('sku', '=', sku).executeTakeFirst()) throw conflict('duplicate', { what: 'SKU', id: sku });
  const created: OptionRow = {
    sku,
    inventory_code: item.code,
    option_code: optionCode,
    name: input.name,
    seller_sku_code: input.sellerSkuCode ?? null,
    extra_price_jpy: input.extraPriceJpy ?? 0,
    currency: input.currency ?? 'JPY',
    jan: input.jan ?? null,
    length_cm: input.lengthCm ?? null,
    width_cm: input.widthCm ?? null,
    height_cm: input.heightCm ?? null,
    weight_g: input.weightG ?? null,
    created_at: now.toISOString(),
  };
  await trx.insertInto('inventory_options').values(created).execute();
  await recordOptionChange(trx, created, item.seller_id, now);
  return created;
}

export async function updateOption(db: Db, sku: string, onlySeller: string | null, patch: OptionPatch, now = new Date()): Promise<OptionView> {
  const updated = await db.transaction().execute(async (trx) => {
    const { option, sellerId } = await findOption(trx, sku, onlySeller);
    const changes = {
      name: patch.name ?? option.name,
      seller_sku_code: pick(patch.sellerSkuCode, option.seller_sku_code),
      extra_price_jpy: patch.extraPriceJpy ?? option.extra_price_jpy,
      currency: patch.currency ?? option.currency,
      jan: pick(patch.jan, option.jan),
      length_cm: pick(patch.lengthCm, option.length_cm),
      width_cm: pick(patch.widthCm, option.width_cm),
      height_cm: pick(patch.heightCm, option.height_cm),
      weight_g: pick(patch.weightG, option.weight_g),
    };
    await trx.updateTable('inventory_options').set(changes).where('sku', '=', sku).execute();
    const row = { ...option, ...changes };
    await recordOptionChange(trx, row, sellerId, now);
    return row;
  });
  return (await withQuantities(db, [updated]))[0]!;
}

export async function getOption(db: Db, sku: string, onlySeller: string | null): Promise<OptionView> {
  const { option } = await findOption(db, sku, onlySeller);
  return (await withQuantities(db, [option]))[0]!;
}

export async function listOptions(db: Db, inventoryCode: string, onlySeller: string | null): Promise<OptionView[]> {
  return (await getInventoryItem(db, inventoryCode, onlySeller)).options;
}

// ---------------------------------------------------------------------------------------------- listing links

export async function linkListing(db: Db, sku: string, onlySeller: string | null, link: { listingId: string; title: string; optionLabel: string }): Promise<ListingLinkView> {
  return db.transaction().execute(async (trx) => {
    const { sellerId } = await findOption(trx, sku, onlySeller);
    const listing = await trx.selectFrom('listings').selectAll().where('id', '=', link.listingId).executeTakeFirst();
    // Listing ids are Qoo10's and unique across sellers: one that is someone else's is a mistyped id.
    if (listing && listing.seller_id !== sellerId) throw conflict('duplicate', { what: 'listing', id: link.listingId });
    if (listing) await trx.updateTable('listings').set({ title: link.title }).where('id', '=', link.listingId).execute();
    else await trx.insertInto('listings').values({ id: link.listingId, seller_id: sellerId, title: link.title }).execute();
    const existing = await trx.selectFrom('listing_links').selectAll().where('listing_id', '=', link.listingId).execute();
    if (existing.some((row) => row.sku === sku)) throw conflict('duplicate', { what: 'listing link', id: `${link.listingId} → ${sku}` });
    // An order names a listing and an option label; two SKUs behind one label would leave the order ambiguous.
    const sameLabel = existing.find((row) => row.option_label === link.optionLabel);
    if (sameLabel) throw conflict('listing-option-linked', { listingId: link.listingId, optionLabel: link.optionLabel, sku: sameLabel.sku });
    await trx.insertInto('listing_links').values({ listing_id: link.listingId, sku, option_label: link.optionLabel }).execute();
    return { listingId: link.listingId, sku, title: link.title, optionLabel: link.optionLabel };
  });
}

export async function unlinkListing(db: Db, sku: string, onlySeller: string | null, listingId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await findOption(trx, sku, onlySeller);
    const removed = await trx.deleteFrom('listing_links').where('sku', '=', sku).where('listing_id', '=', listingId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('listing link', `${listingId} → ${sku}`);
  });
}

export async function listLinks(db: Db, sku: string, onlySeller: string | null): Promise<ListingLinkView[]> {
  await findOption(db, sku, onlySeller);
  const rows = await db
    .selectFrom('listing_links')
    .innerJoin('listings', 'listings.id', 'listing_links.listing_id')
    .select(['listing_links.listing_id', 'listing_links.sku', 'listing_links.option_label', 'listings.title'])
    .where('listing_links.sku', '=', sku)
    .orderBy('listing_links.listing_id')
    .execute();
  return rows.map((row) => ({ listingId: row.listing_id, sku: row.sku, title: row.title, optionLabel: row.option_label }));
}

// ---------------------------------------------------------------------------------------------- stock read

export interface SkuStockView {
  sku: string;
  sellerId: string;
  inventoryName: string;
  optionName: string;
  sellerSkuCode: string | null;
  totalQuantity: number;
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
    branchQuantities: views[i]!.branchQuantities,
  }));
}

// ---------------------------------------------------------------------------------------------- lookups for others

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

/**
 * Runs `attempt` again when a generated code collided with one another request took meanwhile (the loser's insert
 * fails on the primary key and its transaction rolls back whole). A code the caller chose is never retried.
 */
export async function withFreshCode<T>(generated: boolean, attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!generated || tries >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------- internals

export async function requireSeller(db: Db, sellerId: string): Promise<void> {
  if (!(await db.selectFrom('sellers').select('id').where('id', '=', sellerId).executeTakeFirst())) throw notFound('seller', sellerId);
}

async function findItem(db: Db, code: string, onlySeller: string | null): Promise<ItemRow> {
  const item = await db.selectFrom('inventory_items').selectAll().where('code', '=', code).executeTakeFirst();
  if (!item || (onlySeller !== null && item.seller_id !== onlySeller)) throw notFound('Q-inventory', code);
  return item;
}

async function nextInventoryCode(db: Db): Promise<InventoryCode> {
  // Codes are 12 digits, so text order is number order and max() finds the highest.
  const { highest } = await db.selectFrom('inventory_items').select((eb) => eb.fn.max('code').as('highest')).executeTakeFirstOrThrow();
  const next = highest ? Number(highest) + 1 : firstInventoryCode;
  if (next > lastInventoryCode) throw conflict('inventory-codes-exhausted');
  return String(next) as InventoryCode;
}

async function nextOptionCode(db: Db, inventoryCode: string): Promise<OptionCode> {
  const { highest } = await db
    .selectFrom('inventory_options')
    .select((eb) => eb.fn.max('option_code').as('highest'))
    .where('inventory_code', '=', inventoryCode)
    .executeTakeFirstOrThrow();
  const next = highest ? Number(highest) + 1 : 1;
  if (next > lastOptionCode) throw conflict('option-codes-exhausted', { code: inventoryCode });
  return String(next).padStart(5, '0') as OptionCode;
}

/** Adds the stock and link counts to option rows, a bounded number of SKUs per query. */
async function withQuantities(db: Db, options: readonly OptionRow[]): Promise<OptionView[]> {
  const balances = new Map<string, BranchQuantity[]>();
  const links = new Map<string, number>();
  for (const skus of chunked(options.map((option) => option.sku), 500)) {
    const balanceRows = await db.selectFrom('stock_balances').selectAll().where('sku', 'in', skus).orderBy('sku').orderBy('branch_code').execute();
    for (const row of balanceRows) appendTo(balances, row.sku, { branchCode: row.branch_code, quantity: row.quantity });
    const linkRows = await db
      .selectFrom('listing_links')
      .select(['sku', (eb) => eb.fn.countAll<number>().as('links')])
      .where('sku', 'in', skus)
      .groupBy('sku')
      .execute();
    for (const row of linkRows) links.set(row.sku, Number(row.links));
  }
  return options.map((option) => {
    const branchQuantities = balances.get(option.sku) ?? [];
    return {
      ...optionFields(option),
      totalQuantity: branchQuantities.reduce((sum, branch) => sum + branch.quantity, 0),
      branchQuantities,
      linkedProductCount: links.get(option.sku) ?? 0,
      createdAt: option.created_at,
    };
  });
}

function itemFields(row: ItemRow): Omit<InventoryItemView, 'options'> {
  return {
    code: row.code,
    sellerId: row.seller_id,
    name: row.name,
    sellerItemCode: row.seller_item_code,
    separateInventory: row.separate_inventory === 1,
    createdAt: row.created_at,
  };
}

function optionFields(row: OptionRow) {
  return {
    sku: row.sku,
    inventoryCode: row.inventory_code,
    optionCode: row.option_code,
    name: row.name,
    sellerSkuCode: row.seller_sku_code,
    extraPriceJpy: row.extra_price_jpy,
    currency: 'JPY' as const,
    jan: row.jan,
    lengthCm: row.length_cm,
    widthCm: row.width_cm,
    heightCm: row.height_cm,
    weightG: row.weight_g,
  };
}

async function recordItemChange(db: Db, row: ItemRow, now: Date): Promise<void> {
  await recordChange(db, { entity: 'inventory-item', entityId: row.code, op: 'upsert', branchCode: null, sellerId: row.seller_id, data: itemFields(row) }, now);
}

/** Stations print SKU labels and match scanned JANs from these, so every branch learns of them. */
async function recordOptionChange(db: Db, row: OptionRow, sellerId: string, now: Date): Promise<void> {
  await recordChange(db, { entity: 'sku', entityId: row.sku, op: 'upsert', branchCode: null, sellerId, data: { ...optionFields(row), sellerId } }, now);
}

/** A patch field: undefined keeps the stored value, null clears it. */
function pick<T>(patched: T | null | undefined, stored: T | null): T | null {
  return patched === undefined ? stored : patched;
}

function rethrowUnique(what: string, id: string | undefined) {
  return (error: unknown): never => {
    // Only a code the caller chose can get here as a unique violation: two requests took it at the same moment.
    if (isUniqueViolation(error) && id) throw conflict('duplicate', { what, id });
    throw error;
  };
}

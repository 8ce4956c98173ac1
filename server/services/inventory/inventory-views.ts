import type { Kysely, Selectable, Transaction } from 'kysely';
import type { HubDatabase, InventoryItemsTable, InventoryOptionsTable } from '../../storage/schema';
import { appendTo, chunked } from '../chunks';
import type { OptionFields } from './inventory-inputs';

/**
 * Q-inventory codes, their options (SKUs) and the Qoo10 listings linked to them, as the API and the changes feed
 * show them, made from their rows.
 */

export type ItemRow = Selectable<InventoryItemsTable>;
export type OptionRow = Selectable<InventoryOptionsTable>;
type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export interface BranchQuantity {
  branchCode: string;
  /** Sellable units. */
  quantity: number;
  /** Damaged units, held apart and never allocated. */
  damaged: number;
}

/** An option as the API shows it: its editable fields (inventory-inputs.ts) plus its identity and stock. */
export interface OptionView extends OptionFields {
  sku: string;
  inventoryCode: string;
  optionCode: string;
  totalQuantity: number;
  totalDamaged: number;
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

/** Adds the stock and link counts to option rows, a bounded number of SKUs per query. */
export async function withQuantities(db: Db, options: readonly OptionRow[]): Promise<OptionView[]> {
  const balances = new Map<string, BranchQuantity[]>();
  const links = new Map<string, number>();
  for (const skus of chunked(
    options.map((option) => option.sku),
    500,
  )) {
    const balanceRows = await db.selectFrom('stock_balances').selectAll().where('sku', 'in', skus).orderBy('sku').orderBy('branch_code').execute();
    for (const row of balanceRows) appendTo(balances, row.sku, { branchCode: row.branch_code, quantity: row.quantity, damaged: row.damaged });
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
      totalDamaged: branchQuantities.reduce((sum, branch) => sum + branch.damaged, 0),
      branchQuantities,
      linkedProductCount: links.get(option.sku) ?? 0,
      createdAt: option.created_at,
    };
  });
}

export function itemFields(row: ItemRow): Omit<InventoryItemView, 'options'> {
  return {
    code: row.code,
    sellerId: row.seller_id,
    name: row.name,
    sellerItemCode: row.seller_item_code,
    separateInventory: row.separate_inventory === 1,
    createdAt: row.created_at,
  };
}

export function optionFields(row: OptionRow) {
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

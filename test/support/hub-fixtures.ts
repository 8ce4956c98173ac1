import type { Kysely } from 'kysely';
import { branches } from '../../shared/domain/identifiers';
import { postMovement } from '../../server/services/stock-ledger';
import type { HubDatabase } from '../../server/storage/schema';

export const tokyo = branches.qxpressJapan;

/** A seller with one Q-inventory item and its options, and optional opening stock, written straight to the tables. */
export async function seedSellerWithSkus(
  db: Kysely<HubDatabase>,
  options: { sellerId: string; inventoryCode: string; optionCount?: number; stock?: number; balanceJpy?: number },
): Promise<string[]> {
  const now = new Date().toISOString();
  await db
    .insertInto('sellers')
    .values({ id: options.sellerId, name: `${options.sellerId} 店`, balance_jpy: options.balanceJpy ?? 100_000, suspended: 0, created_at: now })
    .execute();
  await db
    .insertInto('inventory_items')
    .values({
      code: options.inventoryCode,
      seller_id: options.sellerId,
      name: 'テスト T シャツ',
      seller_item_code: null,
      separate_inventory: 1,
      created_at: now,
    })
    .execute();
  const skus: string[] = [];
  for (let i = 1; i <= (options.optionCount ?? 1); i++) {
    const optionCode = String(i).padStart(5, '0');
    const sku = `${options.inventoryCode}-${optionCode}`;
    skus.push(sku);
    await db
      .insertInto('inventory_options')
      .values({
        sku,
        inventory_code: options.inventoryCode,
        option_code: optionCode,
        name: `サイズ ${i}`,
        seller_sku_code: null,
        extra_price_jpy: 0,
        currency: 'JPY',
        jan: null,
        length_cm: null,
        width_cm: null,
        height_cm: null,
        weight_g: null,
        created_at: now,
      })
      .execute();
    if (options.stock) {
      await db.transaction().execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind: 'inbound', quantity: options.stock!, reference: 'seed' }));
    }
  }
  return skus;
}

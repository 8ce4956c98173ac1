import type { Kysely, Transaction } from 'kysely';
import { formatSku, type InventoryCode } from '../../../shared/domain/identifiers';
import type { HubDatabase } from '../../storage/schema';
import { refuse } from '../refusal';
import { nextOptionCode, rethrowUnique, withFreshCode } from './inventory-codes';
import { recordOptionChange } from './inventory-feed';
import type { NewOption, OptionPatch } from './inventory-inputs';
import { getInventoryItem } from './inventory-items';
import { findItem, findOption } from './inventory-lookups';
import { withQuantities, type OptionRow, type OptionView } from './inventory-views';

/** Options (SKUs) of a Q-inventory code: created, changed, read with their stock. */

type Db = Kysely<HubDatabase>;
type Trx = Transaction<HubDatabase>;

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
  if (await trx.selectFrom('inventory_options').select('sku').where('sku', '=', sku).executeTakeFirst()) throw refuse('duplicate', { what: 'SKU', id: sku });
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

/** A patch field: undefined keeps the stored value, null clears it. */
function pick<T>(patched: T | null | undefined, stored: T | null): T | null {
  return patched === undefined ? stored : patched;
}

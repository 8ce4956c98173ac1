import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase } from '../../storage/schema';
import { recordChange } from '../changes';
import { itemFields, optionFields, type ItemRow, type OptionRow } from './inventory-views';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export async function recordItemChange(db: Db, row: ItemRow, now: Date): Promise<void> {
  await recordChange(db, { entity: 'inventory-item', entityId: row.code, op: 'upsert', branchCode: null, sellerId: row.seller_id, data: itemFields(row) }, now);
}

/** Stations print SKU labels and match scanned JANs from these, so every branch learns of them. */
export async function recordOptionChange(db: Db, row: OptionRow, sellerId: string, now: Date): Promise<void> {
  await recordChange(db, { entity: 'sku', entityId: row.sku, op: 'upsert', branchCode: null, sellerId, data: { ...optionFields(row), sellerId } }, now);
}

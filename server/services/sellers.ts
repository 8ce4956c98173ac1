import type { Kysely } from 'kysely';
import type { SellerView } from '../../shared/hub/routes/sellers';
import type { HubDatabase } from '../storage/schema';
import { recordChange } from './changes';
import { notFound, Refusal } from './refusal';

/** A seller as the API and the changes feed show it: its Q-cash balance in yen and whether it is suspended. */
export { sellerSchema as sellerViewSchema, type SellerView } from '../../shared/hub/routes/sellers';

const toSeller = (row: { id: string; name: string; balance_jpy: number; suspended: number }): SellerView => ({
  id: row.id,
  name: row.name,
  balanceJpy: row.balance_jpy,
  suspended: row.suspended === 1,
});

/** Every seller, or only `onlySeller` (a seller user sees itself). */
export async function listSellers(db: Kysely<HubDatabase>, onlySeller: string | null): Promise<SellerView[]> {
  let query = db.selectFrom('sellers').selectAll().orderBy('id');
  if (onlySeller) query = query.where('id', '=', onlySeller);
  return (await query.execute()).map(toSeller);
}

export async function getSeller(db: Kysely<HubDatabase>, id: string): Promise<SellerView> {
  const row = await db.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('seller', id);
  return toSeller(row);
}

/** Registers a seller (its Qoo10 shop id) with an opening balance, and tells the feed. */
export async function createSeller(db: Kysely<HubDatabase>, seller: { id: string; name: string; balanceJpy: number }, now = new Date()): Promise<SellerView> {
  const { id, name, balanceJpy } = seller;
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('sellers').select('id').where('id', '=', id).executeTakeFirst()) throw new Refusal('duplicate', { what: 'seller', id });
    const row = { id, name, balance_jpy: balanceJpy, suspended: 0, created_at: now.toISOString() };
    await trx.insertInto('sellers').values(row).execute();
    const view = toSeller(row);
    await recordChange(trx, { entity: 'seller', entityId: id, op: 'upsert', branchCode: null, sellerId: id, data: view });
    return view;
  });
}

/** Adds Q-cash to a seller's balance: the new balance, the top-up kept among its fee records, the feed told, in one transaction. */
export async function topUpSeller(
  db: Kysely<HubDatabase>,
  id: string,
  topUp: { amountJpy: number; reference?: string | undefined },
  now = new Date(),
): Promise<SellerView> {
  return db.transaction().execute(async (trx) => {
    const seller = await trx.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!seller) throw notFound('seller', id);
    const balance = seller.balance_jpy + topUp.amountJpy;
    await trx.updateTable('sellers').set({ balance_jpy: balance }).where('id', '=', id).execute();
    await trx
      .insertInto('fee_charges')
      .values({ seller_id: id, kind: 'top-up', amount_jpy: topUp.amountJpy, reference: topUp.reference ?? null, created_at: now.toISOString() })
      .execute();
    const updated = toSeller({ ...seller, balance_jpy: balance });
    await recordChange(trx, { entity: 'seller', entityId: id, op: 'upsert', branchCode: null, sellerId: id, data: updated });
    return updated;
  });
}

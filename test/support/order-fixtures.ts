import type { Kysely } from 'kysely';
import { postMovement } from '../../server/services/stock-ledger';
import type { HubDatabase } from '../../server/storage/schema';
import { seedSellerWithSkus, tokyo } from './hub-fixtures';

/**
 * Orders tests build their sellers, SKUs, listings and stock straight in the tables (the inventory routes are
 * tested elsewhere), and post orders over HTTP.
 */

let inventorySerial = 0;

/** A seller with `optionCount` SKUs, no stock; a fresh Q-inventory code each time so tests never collide. */
export async function sellerWithSkus(db: Kysely<HubDatabase>, sellerId: string, optionCount = 2): Promise<string[]> {
  const inventoryCode = `3${String(process.pid % 1000).padStart(3, '0')}${String(++inventorySerial).padStart(8, '0')}`;
  return seedSellerWithSkus(db, { sellerId, inventoryCode, optionCount });
}

/** A Qoo10 listing of the seller whose options (labels) are linked to SKUs. */
export async function listing(db: Kysely<HubDatabase>, id: string, sellerId: string, links: Record<string, string> = {}): Promise<void> {
  await db
    .insertInto('listings')
    .values({ id, seller_id: sellerId, title: `listing ${id}` })
    .execute();
  for (const [label, sku] of Object.entries(links)) await db.insertInto('listing_links').values({ listing_id: id, sku, option_label: label }).execute();
}

export async function stock(db: Kysely<HubDatabase>, sku: string, quantity: number, branchCode = tokyo): Promise<void> {
  await db.transaction().execute((trx) => postMovement(trx, { sku, branchCode, kind: 'inbound', quantity, reference: 'test' }));
}

export async function suspend(db: Kysely<HubDatabase>, sellerId: string): Promise<void> {
  await db.updateTable('sellers').set({ suspended: 1 }).where('id', '=', sellerId).execute();
}

let orderSerial = 0;
/** A fresh Qoo10 order (or cart) no. */
export const nextNo = () => `${Date.now() % 1_000_000}${String(++orderSerial).padStart(6, '0')}`;

export const recipient = { name: '山田 太郎', phone: '090-1234-5678', postalCode: '〒273-0012', address: '千葉県船橋市浜町 2-1-1' };

/** A valid Qoo10 paid line; paid yesterday morning so it is due today whatever the clock says. */
export function qoo10Line(sellerId: string, itemNo: string, label: string, overrides: Record<string, unknown> = {}) {
  return {
    sellerId,
    orderNo: nextNo(),
    cartNo: nextNo(),
    itemNo,
    option: { label },
    quantity: 1,
    recipient,
    paidAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
    ...overrides,
  };
}

export function managementLine(sellerId: string, overrides: Record<string, unknown> = {}) {
  return { sellerId, managementNo: nextNo(), quantity: 1, recipient, deliveryMethod: 'yamato', ...overrides };
}

export async function orderByNo(db: Kysely<HubDatabase>, sellerId: string, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('seller_id', '=', sellerId).where('order_no', '=', orderNo).executeTakeFirstOrThrow();
}

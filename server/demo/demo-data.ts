import type { Kysely } from 'kysely';
import { addUser } from '../services/users';
import type { HubDatabase } from '../storage/schema';
import { demoStaff } from './demo-users';

export const demoSellers = [
  { id: 'sakura-shop', name: 'さくら雑貨店', balanceJpy: 150_000, user: { name: 'さくら雑貨店 担当', pin: '5555' } },
  // Too little Q-cash: its inbound is held for the fee, as the manual says.
  { id: 'fuji-apparel', name: 'フジ アパレル', balanceJpy: 120, user: { name: 'フジ アパレル 担当', pin: '6666' } },
] as const;

/**
 * Fills an empty hub with a small warehouse: staff, two sellers (one short of Q-cash), and — once those parts of the
 * hub exist — their SKUs, bundles in every state and paid orders. Returns false, touching nothing, when the hub
 * already has data.
 */
export async function loadDemoData(db: Kysely<HubDatabase>, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
  for (const staff of demoStaff) await addUser(db, staff, now);
  for (const seller of demoSellers) {
    await db.insertInto('sellers').values({ id: seller.id, name: seller.name, balance_jpy: seller.balanceJpy, suspended: 0, created_at: now.toISOString() }).execute();
    await addUser(db, { name: seller.user.name, role: 'seller', pin: seller.user.pin, sellerId: seller.id }, now);
  }
  return true;
}

import type { Kysely, Transaction } from 'kysely';
import { branches } from '../../shared/domain/identifiers';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/domain/tokyo-time';
import { createInventoryItem } from '../services/inventory/inventory-items';
import { createOption } from '../services/inventory/inventory-options';
import { linkListing } from '../services/inventory/listing-links';
import { arriveBundle, completeBundle, confirmBundle, createBundle, registerInboundLines, rejectBundle, shipBundle } from '../services/inbound';
import { runAllocation } from '../services/allocation';
import { placeSku } from '../services/sku-locations';
import { registerManagementShipments } from '../services/orders/management-shipments';
import { importQoo10Orders } from '../services/orders/qoo10-orders';
import { addUser } from '../services/users';
import { recordChange } from '../services/changes';
import type { HubStore } from '../storage/database';
import type { HubDatabase } from '../storage/schema';
import { demoCatalog, demoRecipients, type DemoItem } from './demo-catalog';
import { demoStaff } from './demo-users';

export const demoSellers = [
  { id: 'sakura-shop', name: 'さくら雑貨店', balanceJpy: 150_000, user: { name: 'さくら雑貨店 担当', pin: '5555' } },
  // Too little Q-cash: its inbound is held for the fee, as the manual says.
  { id: 'fuji-apparel', name: 'フジ アパレル', balanceJpy: 120, user: { name: 'フジ アパレル 担当', pin: '6666' } },
] as const;

const tokyo = branches.qxpressJapan;
const bundleStates = ['requested', 'confirmed', 'shipped', 'arrived', 'completed', 'rejected'] as const;

/**
 * Fills an empty hub with a small warehouse: staff, two sellers (one short of Q-cash), their SKUs with Japanese
 * names, cargo bundles in every state, and paid orders for today and later, allocated where stock allows. Everything
 * goes through the same services as the API. Returns false, touching nothing, when the hub already has users.
 */
export async function loadDemoData(store: HubStore, now = new Date()): Promise<boolean> {
  const { db } = store;
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
  for (const staff of demoStaff) await addUser(db, staff, now);
  for (const seller of demoSellers) {
    await db
      .insertInto('sellers')
      .values({ id: seller.id, name: seller.name, balance_jpy: seller.balanceJpy, suspended: 0, created_at: now.toISOString() })
      .execute();
    // As the seller API does: stations learn the shop's name from the changes feed (screens and papers show names).
    await recordChange(
      db,
      {
        entity: 'seller',
        entityId: seller.id,
        op: 'upsert',
        branchCode: null,
        sellerId: seller.id,
        data: { id: seller.id, name: seller.name, balanceJpy: seller.balanceJpy, suspended: false },
      },
      now,
    );
    await addUser(db, { name: seller.user.name, role: 'seller', pin: seller.user.pin, sellerId: seller.id }, now);
  }
  const skusBySeller = await loadCatalog(db, now);
  for (const [sellerId, skus] of skusBySeller) await loadBundles(db, sellerId, skus, now);
  await loadOrders(store, skusBySeller, now);
  return true;
}

async function loadCatalog(db: Kysely<HubDatabase>, now: Date): Promise<Map<string, string[]>> {
  const skusBySeller = new Map<string, string[]>();
  for (const item of demoCatalog) {
    const created = await createInventoryItem(
      db,
      { sellerId: item.sellerId, name: item.name, sellerItemCode: item.sellerItemCode, separateInventory: true },
      now,
    );
    for (const option of item.options) {
      const [lengthCm, widthCm, heightCm, weightG] = option.size;
      const made = await createOption(
        db,
        created.code,
        null,
        { name: option.name, sellerSkuCode: option.sellerSkuCode, jan: option.jan ?? null, lengthCm, widthCm, heightCm, weightG },
        now,
      );
      await linkListing(db, made.sku, null, { listingId: item.listingId, title: item.name, optionLabel: option.name });
      const bin = option.bin;
      if (bin) await db.transaction().execute((trx) => placeSku(trx, { branchCode: tokyo, sku: made.sku, bin, updatedBy: null }, now));
      skusBySeller.set(item.sellerId, [...(skusBySeller.get(item.sellerId) ?? []), made.sku]);
    }
  }
  return skusBySeller;
}

/** One bundle per state for each seller; the completed one puts stock on the shelves (or is held for the fee). */
async function loadBundles(db: Kysely<HubDatabase>, sellerId: string, skus: string[], now: Date): Promise<void> {
  const scope = { onlySeller: null, onlyBranch: null };
  const today = tokyoDate(now);
  for (const [index, state] of bundleStates.entries()) {
    const lines = skus.map((sku, i) => ({ sku, quantity: 10 + 5 * ((i + index) % 3), branchCode: tokyo, description: null }));
    const registered = await db.transaction().execute((trx) => registerInboundLines(trx, sellerId, lines, now));
    if (!registered.ok) throw new Error(`demo inbound lines refused: ${registered.problems.map((problem) => problem.refusal.code).join(', ')}`);
    const bundle = await createBundle(db, sellerId, { lineIds: registered.lines.map((line) => line.id), estimatedArrival: addDays(today, index) }, now);
    const step = <T>(work: (trx: Transaction<HubDatabase>) => Promise<T>) => db.transaction().execute(work);
    if (state === 'requested') continue;
    if (state === 'rejected') {
      await step((trx) => rejectBundle(trx, bundle.id, scope, { reason: '混載・仕分けなしのため受付不可' }, now));
      continue;
    }
    await step((trx) => confirmBundle(trx, bundle.id, scope, now));
    if (state === 'confirmed') continue;
    await step((trx) => shipBundle(trx, bundle.id, scope, { carrier: 'ヤマト運輸', trackingNo: `4000${String(index).padStart(8, '0')}`, boxCount: 2 }, now));
    if (state === 'shipped') continue;
    await step((trx) => arriveBundle(trx, bundle.id, scope, { boxesReceived: 2 }, now));
    if (state === 'arrived') continue;
    // A full count, except one line found two short: the discrepancy report has something to show.
    const counts = registered.lines.map((line, i) => ({ lineId: line.id, counted: i === 0 ? line.quantity - 2 : line.quantity }));
    await step((trx) => completeBundle(trx, bundle.id, scope, counts, now));
  }
}

/** Paid Qoo10 orders: some paid before today's 16:00 cut-off, some later, one with a scheduled ship date next week. */
async function loadOrders(store: HubStore, skusBySeller: Map<string, string[]>, now: Date): Promise<void> {
  const lines = demoCatalog.flatMap((item, itemIndex) =>
    item.options.map((option, optionIndex) => {
      const n = itemIndex * 10 + optionIndex;
      // One buyer per cart: the orders of a cart travel in one parcel to one address.
      const recipient = demoRecipients[Math.floor(n / 2) % demoRecipients.length]!;
      const paidAt = new Date(now.getTime() - (n % 4) * 3600_000).toISOString();
      return {
        sellerId: item.sellerId,
        orderNo: String(700_000_000 + n),
        cartNo: String(600_000_000 + Math.floor(n / 2)),
        itemNo: item.listingId,
        option: { label: option.name },
        quantity: 1 + (n % 2),
        recipient,
        paidAt,
        ...(n === 1 ? { desiredShipDate: addDays(tokyoDate(now), 7) } : {}),
        shipsWithin14Days: n % 5 === 4,
      };
    }),
  );
  for (const seller of demoSellers) {
    await importQoo10Orders(
      store.db,
      lines.filter((line) => line.sellerId === seller.id),
      { ownSeller: null },
      now,
    );
  }
  await importQoo10Orders(store.db, pickingOrders(now), { ownSeller: null }, now);
  const registeredAt = tokyoInstant(addDays(tokyoDate(now), -1), 14, 0);
  await registerManagementShipments(store.db, managementShipments(skusBySeller.get('sakura-shop')!, now), { ownSeller: null }, registeredAt);
  await runAllocation(store, { now });
}

/**
 * Orders paid yesterday after the 16:00 cut-off: due today whatever the clock says when the demo is loaded, so today's
 * pick list always has something on it: a cart of two, a single order, and a 14-day order that is picked last.
 */
function pickingOrders(now: Date) {
  const paidAt = tokyoInstant(addDays(tokyoDate(now), -1), 17, 30).toISOString();
  const [towels, mugs] = demoCatalog;
  const line = (orderNo: number, cartNo: number, item: DemoItem, option: number, quantity: number, shipsWithin14Days = false) => ({
    sellerId: item.sellerId,
    orderNo: String(orderNo),
    cartNo: String(cartNo),
    itemNo: item.listingId,
    option: { label: item.options[option]!.name },
    quantity,
    recipient: demoRecipients[cartNo % demoRecipients.length]!,
    paidAt,
    shipsWithin14Days,
  });
  return [
    line(700_000_100, 600_000_100, towels!, 0, 2),
    line(700_000_101, 600_000_100, mugs!, 1, 1),
    line(700_000_102, 600_000_101, mugs!, 0, 1),
    line(700_000_103, 600_000_102, towels!, 1, 1, true),
  ];
}

/**
 * Other-platform shipments (管理番号) registered yesterday after the 13:00 cut-off, so due today: one by Yamato and
 * one by Sagawa with the buyer's delivery time (tomorrow afternoon), which goes on the label.
 */
function managementShipments(skus: string[], now: Date) {
  // sakura-shop's SKUs in catalogue order: three towels, then two mugs.
  return [
    { sellerId: 'sakura-shop', managementNo: '880000000001', sku: skus[2]!, quantity: 1, recipient: demoRecipients[1]!, deliveryMethod: 'yamato' },
    {
      sellerId: 'sakura-shop',
      managementNo: '880000000002',
      sku: skus[3]!,
      quantity: 1,
      recipient: demoRecipients[2]!,
      deliveryMethod: 'sagawa',
      deliveryTime: { date: addDays(tokyoDate(now), 1), slot: '14-16' },
    },
  ];
}

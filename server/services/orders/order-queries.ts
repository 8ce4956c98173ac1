import type { Kysely, Transaction } from 'kysely';
import { isDueToday } from '../../../shared/domain/cutoffs';
import { addDays, startOfTokyoDay, tokyoDate } from '../../../shared/domain/tokyo-time';
import type { HubDatabase } from '../../storage/schema';
import { notFound } from '../refusal';
import type { OrderSource } from './order-states';
import { cutoffOrderOf, type OrderRow } from './order-view';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// ---- reading -----------------------------------------------------------------------------------------------

/** An order the caller may see: a seller user's view of another seller's order is "not found". */
export async function findOrder(db: Db, orderId: string, ownSeller: string | null): Promise<OrderRow> {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (ownSeller) query = query.where('seller_id', '=', ownSeller);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('order', orderId);
  return row;
}

export interface OrderQuery {
  sellerId: string | null;
  state?: string | undefined;
  source?: OrderSource | undefined;
  /** Unshipped orders whose ship day (by cut-off and scheduled date) is today or already past. */
  dueToday?: boolean | undefined;
  limit: number;
  offset: number;
  now?: Date;
}

export async function listOrders(db: Db, query: OrderQuery): Promise<OrderRow[]> {
  const now = query.now ?? new Date();
  let select = db.selectFrom('orders').selectAll().orderBy('paid_at').orderBy('id');
  if (query.sellerId) select = select.where('seller_id', '=', query.sellerId);
  if (query.state) select = select.where('state', '=', query.state);
  if (query.source) select = select.where('source', '=', query.source);
  if (!query.dueToday) return select.limit(query.limit).offset(query.offset).execute();

  // The database narrows to orders that could be due (received before today ended, not scheduled later); the
  // cut-off rule itself decides, so it is written once, in shared/domain/cutoffs.
  const today = tokyoDate(now);
  const rows = await select
    .where('shipped_at', 'is', null)
    .where('paid_at', '<', startOfTokyoDay(addDays(today, 1)).toISOString())
    .where((eb) => eb.or([eb('desired_ship_date', 'is', null), eb('desired_ship_date', '<=', today)]))
    .execute();
  return rows.filter((row) => isDueToday(cutoffOrderOf(row), now)).slice(query.offset, query.offset + query.limit);
}

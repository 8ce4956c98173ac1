import type { Kysely } from 'kysely';
import { inspectionDeadline, isInspectionLate } from '../../shared/domain/inbound-deadline';
import { addDays, startOfTokyoDay, type TokyoDate } from '../../shared/domain/tokyo-time';
import type { HubDatabase } from '../storage/schema';

export interface Discrepancy {
  bundleId: string;
  lineId: string;
  sku: string;
  quantity: number;
  counted: number;
}

export interface DailyCounts {
  date: TokyoDate;
  branchCode: string | null;
  bundlesArrived: number;
  bundlesCompleted: number;
  /** Units posted to stock by inbound movements (completed inspections). */
  unitsReceived: number;
  /** Orders allocated that day and not un-allocated since. */
  ordersAllocated: number;
  /** Orders sent in transit. */
  ordersShipped: number;
  /** Bundles past their 3-day inspection limit and still not completed at the end of the day (or now, for today). */
  lateBundles: { bundleId: string; sellerId: string; arrivedAt: string; deadline: string }[];
  /** Lines of bundles completed that day whose counted quantity differs from the declared one. */
  discrepancies: Discrepancy[];
}

/**
 * The supervisor's numbers for one Tokyo day. Timestamps are stored as UTC ISO strings, so the day is the text
 * range [its JST midnight, the next JST midnight) and every count is an indexed comparison, not a conversion.
 * What the floor did is counted on the day it happened there (arrived_at, completed_at, shipped_at and a movement's
 * occurred_at hold the floor event's time since step 0010), not on the day a late push reached the hub.
 */
export async function dailyCounts(db: Kysely<HubDatabase>, date: TokyoDate, branchCode: string | null, now = new Date()): Promise<DailyCounts> {
  const from = startOfTokyoDay(date).toISOString();
  const until = startOfTokyoDay(addDays(date, 1)).toISOString();

  const countBundles = async (column: 'arrived_at' | 'completed_at') => {
    let query = db
      .selectFrom('cargo_bundles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '>=', from)
      .where(column, '<', until);
    if (branchCode) query = query.where('branch_code', '=', branchCode);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const countOrders = async (column: 'allocated_at' | 'shipped_at') => {
    let query = db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '>=', from)
      .where(column, '<', until);
    if (branchCode) query = query.where('branch_code', '=', branchCode);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  let received = db
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('units'))
    .where('kind', '=', 'inbound')
    // The floor's time (end of inspection), not when the hub heard of it: an inspection finished at 23:59 offline is that day's.
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', until);
  if (branchCode) received = received.where('branch_code', '=', branchCode);

  // Late is judged at the day's last instant, or now while the day is still running.
  const asOf = new Date(Math.min(now.getTime(), Date.parse(until) - 1));
  let open = db
    .selectFrom('cargo_bundles')
    .select(['id', 'seller_id', 'arrived_at'])
    .where('arrived_at', 'is not', null)
    .where('arrived_at', '<', until)
    .where('state', '!=', 'rejected')
    .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>=', until)]))
    .orderBy('arrived_at');
  if (branchCode) open = open.where('branch_code', '=', branchCode);
  const lateBundles = (await open.execute())
    .filter((bundle) => isInspectionLate(bundle.arrived_at!, asOf))
    .map((bundle) => ({
      bundleId: bundle.id,
      sellerId: bundle.seller_id,
      arrivedAt: bundle.arrived_at!,
      deadline: inspectionDeadline(bundle.arrived_at!).toISOString(),
    }));

  let lines = db
    .selectFrom('inbound_lines')
    .innerJoin('cargo_bundles', 'cargo_bundles.id', 'inbound_lines.bundle_id')
    .select(['inbound_lines.bundle_id', 'inbound_lines.id', 'inbound_lines.sku', 'inbound_lines.quantity', 'inbound_lines.counted'])
    .where('cargo_bundles.completed_at', '>=', from)
    .where('cargo_bundles.completed_at', '<', until)
    .where('inbound_lines.counted', 'is not', null)
    .whereRef('inbound_lines.counted', '!=', 'inbound_lines.quantity')
    .orderBy('inbound_lines.bundle_id')
    .orderBy('inbound_lines.id');
  if (branchCode) lines = lines.where('cargo_bundles.branch_code', '=', branchCode);

  return {
    date,
    branchCode,
    bundlesArrived: await countBundles('arrived_at'),
    bundlesCompleted: await countBundles('completed_at'),
    unitsReceived: Number((await received.executeTakeFirstOrThrow()).units),
    ordersAllocated: await countOrders('allocated_at'),
    ordersShipped: await countOrders('shipped_at'),
    lateBundles,
    discrepancies: (await lines.execute()).map((line) => ({
      bundleId: line.bundle_id!,
      lineId: line.id,
      sku: line.sku,
      quantity: line.quantity,
      counted: line.counted!,
    })),
  };
}

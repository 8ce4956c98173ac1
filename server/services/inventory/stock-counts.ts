import type { Transaction } from 'kysely';
import { rolesInArea } from '../../../shared/domain/roles';
import { countVariance, needsSecondBadge, type StockCountReason } from '../../../shared/domain/stock-count';
import type { HubDatabase } from '../../storage/schema';
import { refuse } from '../refusal';
import { postMovement, postTransfer } from '../stock-ledger';
import { findOption } from './inventory-lookups';

type Trx = Transaction<HubDatabase>;

/** A supervisor's count of one SKU at a branch, as the floor reported it (the `stock.counted` floor event). */
export interface StockCount {
  branchCode: string;
  sku: string;
  bin: string | null;
  book: number;
  counted: number;
  reason: StockCountReason;
  note: string | null;
  countedBy: string | null;
  secondApproverId: string | null;
  stationEventId: string;
  /** When it was counted on the floor. */
  countedAt: Date;
}

/** Roles that may correct stock: those whose menu has the count screen. */
const countingRoles: readonly string[] = rolesInArea('stock-count');

/**
 * Applies a count (棚卸) in the caller's transaction: the movement is counted − book, the book being what the counter
 * saw, so units picked meanwhile are not counted twice. A damaged shortfall moves sellable units to damaged stock;
 * any other reason adjusts sellable stock. A count equal to the book is recorded with no movement. Refused, with
 * nothing written, when the counter may not count, the SKU or bin is unknown at the branch, the stock would go
 * below zero, or a variance above the threshold lacks a valid second supervisor.
 */
export async function applyStockCount(trx: Trx, count: StockCount, threshold: number, now = new Date()): Promise<{ variance: number }> {
  const counter = count.countedBy ? await trx.selectFrom('users').select(['id', 'role']).where('id', '=', count.countedBy).executeTakeFirst() : undefined;
  if (!counter || !countingRoles.includes(counter.role)) throw refuse('count-not-allowed', { user: count.countedBy ?? '-' });
  const { sellerId } = await findOption(trx, count.sku, null);
  if (count.bin !== null) await requireKnownBin(trx, count.branchCode, count.bin);

  const variance = countVariance(count);
  // A second badge given for a small count is checked all the same: it is recorded as an approval.
  if (needsSecondBadge(variance, threshold) || count.secondApproverId !== null) await requireSecondApprover(trx, count, variance, threshold);
  // Damaged units are a shortfall of sellable stock; a count that found more cannot have found them damaged.
  if (count.reason === 'damaged' && variance > 0) throw refuse('damaged-count-over', { sku: count.sku, book: count.book, counted: count.counted });

  const movement = {
    sku: count.sku,
    branchCode: count.branchCode,
    reference: `count:${count.stationEventId}`,
    stationEventId: count.stationEventId,
    sellerId,
    occurredAt: count.countedAt,
  };
  if (variance !== 0) {
    if (count.reason === 'damaged') await postTransfer(trx, { ...movement, kind: 'damage', units: -variance }, now);
    else await postMovement(trx, { ...movement, kind: 'adjustment', quantity: variance }, now);
  }
  await trx
    .insertInto('stock_counts')
    .values({
      branch_code: count.branchCode,
      sku: count.sku,
      bin: count.bin,
      book: count.book,
      counted: count.counted,
      variance,
      reason: count.reason,
      note: count.note,
      counted_by: counter.id,
      second_approver_id: count.secondApproverId,
      station_event_id: count.stationEventId,
      counted_at: count.countedAt.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { variance };
}

/**
 * The hub keeps no list of bins apart from where SKUs are shelved (sku_locations, set at putaway): a bin is known at a
 * branch when some SKU there is located in it. The bin's format is checked by the event's schema before this.
 */
async function requireKnownBin(trx: Trx, branchCode: string, bin: string): Promise<void> {
  const located = await trx.selectFrom('sku_locations').select('sku').where('branch_code', '=', branchCode).where('bin', '=', bin).executeTakeFirst();
  if (!located) throw refuse('unknown-bin', { bin, branch: branchCode });
}

/** A second supervisor (or admin), enabled, and not the counter: the two-badge rule for a large adjustment. */
async function requireSecondApprover(trx: Trx, count: StockCount, variance: number, threshold: number): Promise<void> {
  const params = { sku: count.sku, variance, threshold };
  if (!count.secondApproverId) throw refuse('second-badge-required', params);
  if (count.secondApproverId === count.countedBy) throw refuse('second-badge-same-person', params);
  const approver = await trx.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', count.secondApproverId).executeTakeFirst();
  if (!approver || !countingRoles.includes(approver.role) || approver.disabled_at !== null) throw refuse('second-badge-not-supervisor', params);
}

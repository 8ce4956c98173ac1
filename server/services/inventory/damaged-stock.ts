import type { Kysely } from 'kysely';
import { stockTransfers, type DamagedReleaseKind } from '../../../shared/domain/stock-ledger';
import type { HubDatabase } from '../../storage/schema';
import { notFound, refuse } from '../refusal';
import { postMovement, postTransfer } from '../stock-ledger';
import { findOption } from './inventory-lookups';

export interface DamagedRelease {
  sku: string;
  branchCode: string;
  /** restore: back to sellable; dispose or return-to-seller: out of the warehouse. */
  kind: DamagedReleaseKind;
  units: number;
  /** The supervisor's reason, kept on the movements (their reference). */
  reason: string;
}

/**
 * A supervisor's decision about damaged units: back to sellable stock (a restore, two movements) or out of the
 * warehouse (one movement out of damaged stock). More units than are damaged is refused, nothing moved.
 */
export async function releaseDamaged(db: Kysely<HubDatabase>, release: DamagedRelease, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const { sellerId } = await findOption(trx, release.sku, null);
    if (!(await trx.selectFrom('branches').select('code').where('code', '=', release.branchCode).executeTakeFirst()))
      throw notFound('branch', release.branchCode);
    const balance = await trx
      .selectFrom('stock_balances')
      .select(['quantity', 'damaged'])
      .where('sku', '=', release.sku)
      .where('branch_code', '=', release.branchCode)
      .executeTakeFirst();
    const damaged = balance?.damaged ?? 0;
    if (release.units > damaged) throw refuse('not-enough-damaged', { sku: release.sku, branch: release.branchCode, damaged, units: release.units });
    const movement = { sku: release.sku, branchCode: release.branchCode, reference: release.reason, sellerId };
    let after: { quantity: number; damaged: number };
    if (release.kind in stockTransfers) {
      after = await postTransfer(trx, { ...movement, kind: 'restore', units: release.units }, now);
    } else {
      const left = await postMovement(trx, { ...movement, kind: release.kind, condition: 'damaged', quantity: -release.units }, now);
      after = { quantity: balance?.quantity ?? 0, damaged: left };
    }
    return { sku: release.sku, branchCode: release.branchCode, ...after };
  });
}

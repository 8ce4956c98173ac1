import type { Kysely } from 'kysely';
import type { StockCondition } from '../../../shared/domain/stock-ledger';
import type { HubDatabase } from '../../storage/schema';
import { chunked } from '../chunks';

/**
 * The daily reconciliation: every stored balance (sellable and damaged, per SKU and branch) against the sum of its
 * ledger movements. postMovement keeps the two together in one transaction, so a difference means something wrote
 * behind the ledger's back (a hand edit, a restored backup, a bug): it is recorded with both figures for a supervisor
 * to look into, and never corrected here — which of the two is right is a person's call.
 */

export interface StockMismatch {
  sku: string;
  branchCode: string;
  condition: StockCondition;
  /** The balance as stored. */
  stock: number;
  /** The sum of the ledger's movements for it. */
  ledger: number;
  checkedAt: string;
}

export interface ReconciliationRun {
  runId: number;
  balancesChecked: number;
  mismatches: StockMismatch[];
}

const key = (sku: string, branchCode: string, condition: string) => `${sku}\u0000${branchCode}\u0000${condition}`;

/** Compares every balance with its ledger and records the run and what differed. */
export async function reconcileStock(db: Kysely<HubDatabase>, now = new Date()): Promise<ReconciliationRun> {
  const startedAt = now.toISOString();
  // One snapshot for both reads, so a movement posted meanwhile is seen on both sides or neither. Repeatable read
  // on PostgreSQL needs no write lock (the floor keeps working); SQLite's transaction is a snapshot already.
  const { balances, ledger } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      balances: await trx.selectFrom('stock_balances').select(['sku', 'branch_code', 'quantity', 'damaged']).execute(),
      ledger: await trx
        .selectFrom('stock_movements')
        .select((eb) => ['sku', 'branch_code', 'condition', eb.fn.sum<number | string>('quantity').as('units')])
        .groupBy(['sku', 'branch_code', 'condition'])
        .execute(),
    }));

  const sums = new Map(ledger.map((row) => [key(row.sku, row.branch_code, row.condition), Number(row.units)]));
  const mismatches: StockMismatch[] = [];
  const compare = (sku: string, branchCode: string, condition: StockCondition, stock: number) => {
    const id = key(sku, branchCode, condition);
    const sum = sums.get(id) ?? 0;
    sums.delete(id);
    if (sum !== stock) mismatches.push({ sku, branchCode, condition, stock, ledger: sum, checkedAt: startedAt });
  };
  for (const row of balances) {
    compare(row.sku, row.branch_code, 'sellable', row.quantity);
    compare(row.sku, row.branch_code, 'damaged', row.damaged);
  }
  // Movements whose balance row is gone altogether: the balance reads as zero.
  for (const [id, sum] of sums) {
    const [sku, branchCode, condition] = id.split('\u0000') as [string, string, StockCondition];
    if (sum !== 0) mismatches.push({ sku, branchCode, condition, stock: 0, ledger: sum, checkedAt: startedAt });
  }

  const runId = await db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('reconciliation_runs')
      .values({ started_at: startedAt, finished_at: new Date().toISOString(), balances_checked: balances.length, mismatch_count: mismatches.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(run.id);
    for (const chunk of chunked(mismatches, 500)) {
      await trx
        .insertInto('stock_mismatches')
        .values(
          chunk.map((mismatch) => ({
            run_id: id,
            sku: mismatch.sku,
            branch_code: mismatch.branchCode,
            condition: mismatch.condition,
            stock: mismatch.stock,
            ledger: mismatch.ledger,
            checked_at: mismatch.checkedAt,
          })),
        )
        .execute();
    }
    return id;
  });
  return { runId, balancesChecked: balances.length, mismatches };
}

/** What the last reconciliation found, at one branch or all (empty before the first run, or when all agreed). */
export async function latestMismatches(db: Kysely<HubDatabase>, branchCode: string | null): Promise<StockMismatch[]> {
  const latest = await db.selectFrom('reconciliation_runs').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!latest) return [];
  let query = db
    .selectFrom('stock_mismatches')
    .select(['sku', 'branch_code', 'condition', 'stock', 'ledger', 'checked_at'])
    .where('run_id', '=', Number(latest.id))
    .orderBy('branch_code')
    .orderBy('sku')
    .orderBy('condition');
  if (branchCode) query = query.where('branch_code', '=', branchCode);
  return (await query.execute()).map((row) => ({
    sku: row.sku,
    branchCode: row.branch_code,
    condition: row.condition as StockCondition,
    stock: row.stock,
    ledger: row.ledger,
    checkedAt: row.checked_at,
  }));
}

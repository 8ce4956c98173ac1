import type { Command } from 'commander';
import { reconcileStock } from '../services/inventory/reconciliation';
import { withStore } from './with-store';

/**
 * `qwms reconcile`: the daily stock reconciliation run by hand. Prints each balance that differs from its ledger
 * (both figures) and exits 1 when any does, so a script can tell; like the daily run it records and never corrects.
 */
export function registerReconcileCommand(program: Command): void {
  program
    .command('reconcile')
    .description("compare every SKU's stock (sellable and damaged) with the sum of its ledger; record and print differences, fix nothing")
    .option('--db <path|url>')
    .option('--json', 'print the run as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const run = await withStore(options.db, (store) => reconcileStock(store.db));
      if (options.json) console.log(JSON.stringify(run, null, 2));
      else {
        console.log(`${run.balancesChecked} balances checked, ${run.mismatches.length} differ from their ledger (run ${run.runId})`);
        for (const m of run.mismatches) console.log(`${m.sku}\t${m.branchCode}\t${m.condition}\tstock ${m.stock}\tledger ${m.ledger}`);
      }
      if (run.mismatches.length > 0) process.exitCode = 1;
    });
}

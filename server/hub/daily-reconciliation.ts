import type { HubStore } from '../storage/database';
import { reconcileStock, type ReconciliationRun } from '../services/inventory/reconciliation';

const dayMs = 24 * 3600_000;

export interface DailyReconciliation {
  /** The run at start; resolves when it has finished (or failed, which is logged). */
  first: Promise<ReconciliationRun | null>;
  stop(): void;
}

/**
 * Runs the stock reconciliation once when the hub starts and then every 24 hours while it runs. A plain timer for
 * now (a scheduler for the hub's timed jobs is to come with the money work); the timer does not keep the process
 * alive, and a failed run is logged and tried again at the next one. `qwms reconcile` runs it by hand.
 */
export function startDailyReconciliation(store: HubStore, log: (message: string) => void, everyMs = dayMs): DailyReconciliation {
  const run = async (): Promise<ReconciliationRun | null> => {
    try {
      const result = await reconcileStock(store.db);
      const found = result.mismatches.length;
      log(`stock reconciliation: ${result.balancesChecked} balances checked, ${found === 0 ? 'all match their ledger' : `${found} differ from their ledger`}`);
      return result;
    } catch (error) {
      log(`stock reconciliation failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const first = run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches } from '../../shared/domain/identifiers';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { dailyCounts } from '../../server/services/daily-counts';
import { startDailyReconciliation } from '../../server/hub/daily-reconciliation';
import { latestMismatches, reconcileStock } from '../../server/services/inventory/reconciliation';
import { ensureReferenceData } from '../../server/services/reference-data';
import { postMovement, postTransfer } from '../../server/services/stock-ledger';
import type { HubStore } from '../../server/storage/database';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';

const seoul = branches.qxpressKoreaSeoul;

/** The daily reconciliation: balances against the sum of their ledger, sellable and damaged; recorded, never fixed. */
describe.each(hubStoreFactories())('stock reconciliation on $dialect', (factory) => {
  let store: HubStore;
  let skus: string[];

  const db = () => store.db;
  const post = (sku: string, branchCode: string, quantity: number) =>
    db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode, kind: quantity > 0 ? 'inbound' : 'pick', quantity, reference: 'test' }));
  const balance = (sku: string, branchCode: string) =>
    db().selectFrom('stock_balances').select(['quantity', 'damaged']).where('sku', '=', sku).where('branch_code', '=', branchCode).executeTakeFirst();

  beforeAll(async () => {
    store = await factory.open();
    await ensureReferenceData(store.db);
    skus = await seedSellerWithSkus(store.db, { sellerId: 'shop-rec', inventoryCode: '300000000301', optionCount: 4 });
    await post(skus[0]!, tokyo, 10);
    await post(skus[0]!, tokyo, -3);
    await post(skus[1]!, tokyo, 6);
    await db()
      .transaction()
      .execute((trx) => postTransfer(trx, { sku: skus[1]!, branchCode: tokyo, kind: 'damage', units: 2, reference: 'test' }));
    await post(skus[2]!, seoul, 4);
  });
  afterAll(async () => {
    await store.close();
    await factory.dispose();
  });

  it('finds nothing while every balance is the sum of its movements', async () => {
    expect(await latestMismatches(db(), null)).toEqual([]);
    const run = await reconcileStock(db());
    // Three SKU-branch balances (sellable and damaged each).
    expect(run).toMatchObject({ balancesChecked: 3, mismatches: [] });
    expect(await latestMismatches(db(), null)).toEqual([]);
    expect(await db().selectFrom('reconciliation_runs').select(['balances_checked', 'mismatch_count']).where('id', '=', run.runId).executeTakeFirst()).toEqual({
      balances_checked: 3,
      mismatch_count: 0,
    });
  });

  it('shows a movement inserted behind the ledger, an edited balance and a lost balance row with both figures, and fixes none', async () => {
    // A movement that never moved its balance; a damaged balance edited by hand; a balance row deleted.
    await db()
      .insertInto('stock_movements')
      .values({
        sku: skus[0]!,
        branch_code: tokyo,
        kind: 'adjustment',
        quantity: 5,
        reference: 'by hand',
        station_event_id: null,
        created_at: new Date().toISOString(),
        occurred_at: null,
      })
      .execute();
    await db().updateTable('stock_balances').set({ damaged: 7 }).where('sku', '=', skus[1]!).where('branch_code', '=', tokyo).execute();
    await db().deleteFrom('stock_balances').where('sku', '=', skus[2]!).where('branch_code', '=', seoul).execute();

    const run = await reconcileStock(db());
    const expected = [
      { sku: skus[0]!, branchCode: tokyo, condition: 'sellable', stock: 7, ledger: 12 },
      { sku: skus[1]!, branchCode: tokyo, condition: 'damaged', stock: 7, ledger: 2 },
      { sku: skus[2]!, branchCode: seoul, condition: 'sellable', stock: 0, ledger: 4 },
    ];
    const sorted = <T extends { branchCode: string; sku: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.branchCode + a.sku).localeCompare(b.branchCode + b.sku));
    expect(sorted(run.mismatches)).toEqual(sorted(expected.map((row) => ({ ...row, checkedAt: expect.any(String) }))));
    expect(sorted(await latestMismatches(db(), null))).toEqual(sorted(run.mismatches));
    expect(await latestMismatches(db(), seoul)).toEqual([expect.objectContaining({ sku: skus[2], stock: 0, ledger: 4 })]);
    // The supervisor's daily counts carry them, per branch.
    const day = await dailyCounts(store, tokyoDate(new Date()), seoul);
    expect(day.mismatches).toEqual([
      expect.objectContaining({ sku: skus[2], branchCode: seoul, condition: 'sellable', stock: 0, ledger: 4, checkedAt: run.mismatches[0]!.checkedAt }),
    ]);

    // Never fixed: the balances are as they were left.
    expect(await balance(skus[0]!, tokyo)).toEqual({ quantity: 7, damaged: 0 });
    expect(await balance(skus[1]!, tokyo)).toEqual({ quantity: 4, damaged: 7 });
    expect(await balance(skus[2]!, seoul)).toBeUndefined();
  });

  it('runs once when the hub starts, and the latest run is what the screen shows', async () => {
    const logged: string[] = [];
    const daily = startDailyReconciliation(store, (message) => logged.push(message));
    const run = await daily.first;
    daily.stop();
    expect(run?.mismatches).toHaveLength(3);
    expect(logged).toEqual([expect.stringContaining('3 differ from their ledger')]);
    // Put right by hand (the supervisor's decision): the next run finds them gone.
    await db().deleteFrom('stock_movements').where('reference', '=', 'by hand').execute();
    await db().updateTable('stock_balances').set({ damaged: 2 }).where('sku', '=', skus[1]!).execute();
    await db().insertInto('stock_balances').values({ sku: skus[2]!, branch_code: seoul, quantity: 4, damaged: 0 }).execute();
    await reconcileStock(db());
    expect(await latestMismatches(db(), null)).toEqual([]);
  });
});

import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubMigrations } from '../../../server/storage/migrations';
import { hubStoreFactories } from '../../support/hub-stores';

const step = '0013-damaged-stock';
const previousStep = (names: string[]) => names[names.indexOf(step) - 1]!;

describe.each(hubStoreFactories())('schema step 0013 (damaged stock) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('keeps existing stock sellable: balances get 0 damaged, movements the sellable condition; damaged stock is never negative', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<any>;
    await migrateHub(db, factory.dialect, previousStep(Object.keys(hubMigrations(factory.dialect))));
    await db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
    await db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
    await db.insertInto('inventory_items').values({ code: 'I1', seller_id: 's1', name: 'Item', created_at: 'now' }).execute();
    await db.insertInto('inventory_options').values({ sku: 'SKU1', inventory_code: 'I1', option_code: '1', name: 'Opt', created_at: 'now' }).execute();
    await db.insertInto('stock_balances').values({ sku: 'SKU1', branch_code: '0000011520', quantity: 5 }).execute();
    await db
      .insertInto('stock_movements')
      .values({ sku: 'SKU1', branch_code: '0000011520', kind: 'inbound', quantity: 5, reference: null, station_event_id: null, created_at: 'now' })
      .execute();

    expect(await migrateHub(db, factory.dialect, step)).toEqual([step]);
    expect(await db.selectFrom('stock_balances').select(['quantity', 'damaged']).execute()).toEqual([{ quantity: 5, damaged: 0 }]);
    expect(await db.selectFrom('stock_movements').select(['quantity', 'condition']).execute()).toEqual([{ quantity: 5, condition: 'sellable' }]);
    await expect(db.updateTable('stock_balances').set({ damaged: -1 }).execute()).rejects.toThrow();
    await expect(
      db
        .insertInto('stock_movements')
        .values({
          sku: 'SKU1',
          branch_code: '0000011520',
          kind: 'inbound',
          quantity: 1,
          condition: 'broken',
          reference: null,
          station_event_id: null,
          created_at: 'now',
        })
        .execute(),
    ).rejects.toThrow();
    await store.close();
  });
});

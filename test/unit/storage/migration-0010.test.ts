import { Migrator, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubMigrations } from '../../../server/storage/migrations';
import { hubStoreFactories } from '../../support/hub-stores';

const step = '0010-floor-event-times';
/** The step before 0010, whatever other steps came in between. */
const previousStep = (names: string[]) => names[names.indexOf(step) - 1]!;
const columnsOf = async (db: Kysely<unknown>, name: string) =>
  (await db.introspection.getTables()).find((table) => table.name === name)!.columns.map((column) => column.name);

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
  await db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
  await db.insertInto('inventory_items').values({ code: 'I1', seller_id: 's1', name: 'Item', created_at: 'now' }).execute();
  await db.insertInto('inventory_options').values({ sku: 'SKU1', inventory_code: 'I1', option_code: '1', name: 'Opt', created_at: 'now' }).execute();
  await db
    .insertInto('stock_movements')
    .values({
      sku: 'SKU1',
      branch_code: '0000011520',
      kind: 'inbound',
      quantity: 5,
      reference: null,
      station_event_id: null,
      created_at: '2026-12-06T14:59:00.000Z',
    })
    .execute();
  await db
    .insertInto('station_events')
    .values({
      event_id: 'e1',
      station_id: 'pack-1',
      station_seq: 1,
      kind: 'order.shipped',
      payload: '{}',
      outcome: 'applied',
      reason: null,
      applied_at: '2026-12-06T15:00:10.000Z',
    })
    .execute();
}

describe.each(hubStoreFactories())('schema step 0010 (floor event times) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('adds the floor times, gives existing movements their recorded time and leaves old receipts without one', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<any>;
    await migrateHub(db, factory.dialect, previousStep(Object.keys(hubMigrations(factory.dialect))));
    expect(await columnsOf(db, 'orders')).not.toContain('picked_at');
    await seed(db);

    expect(await migrateHub(db, factory.dialect, step)).toEqual([step]);
    expect(await columnsOf(db, 'orders')).toEqual(expect.arrayContaining(['picked_at', 'packed_at', 'shipped_at']));
    expect(await db.selectFrom('stock_movements').select(['created_at', 'occurred_at']).execute()).toEqual([
      { created_at: '2026-12-06T14:59:00.000Z', occurred_at: '2026-12-06T14:59:00.000Z' },
    ]);
    expect(await db.selectFrom('station_events').select(['applied_at', 'occurred_at']).execute()).toEqual([
      { applied_at: '2026-12-06T15:00:10.000Z', occurred_at: null },
    ]);
    // A new receipt keeps both times.
    await db
      .insertInto('station_events')
      .values({
        event_id: 'e2',
        station_id: 'pack-1',
        station_seq: 2,
        kind: 'order.shipped',
        payload: '{}',
        outcome: 'applied',
        reason: null,
        applied_at: '2026-12-06T15:25:24.000Z',
        occurred_at: '2026-12-06T14:59:30.000Z',
      })
      .execute();
    expect(await db.selectFrom('station_events').select('occurred_at').where('event_id', '=', 'e2').executeTakeFirst()).toEqual({
      occurred_at: '2026-12-06T14:59:30.000Z',
    });
    await store.close();
  });

  it('steps back down and up again', async () => {
    const store = await factory.open();
    const db = store.db as unknown as Kysely<unknown>;
    const migrations = hubMigrations(factory.dialect);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(previousStep(Object.keys(migrations)))).error).toBeUndefined();
    expect(await columnsOf(db, 'orders')).not.toContain('packed_at');
    expect(await columnsOf(db, 'stock_movements')).not.toContain('occurred_at');
    expect(await columnsOf(db, 'station_events')).not.toContain('occurred_at');
    expect(await migrateHub(db, factory.dialect)).toContain(step);
    expect(await columnsOf(db, 'stock_movements')).toContain('occurred_at');
    await store.close();
  });
});

import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubStoreFactories } from '../../support/hub-stores';
import { refusedBy } from './constraint-refusals';

const tableNames = async (db: Kysely<unknown>) => (await db.introspection.getTables()).map((table) => table.name);

const order = (id: string) => ({
  id,
  seller_id: 's1',
  source: 'qoo10',
  order_no: id,
  cart_no: null,
  listing_id: null,
  sku: null,
  option_label: null,
  quantity: 1,
  recipient_name: 'R',
  recipient_phone: '0312345678',
  postal_code: '100-0005',
  address: 'A',
  delivery_method: null,
  time_slot: null,
  desired_ship_date: null,
  paid_at: 'now',
  ships_within_14_days: 0,
  state: 'allocated',
  branch_code: '0000011520',
  allocated_at: null,
  tracking_no: null,
  service: null,
  shipped_at: null,
  created_at: 'now',
});

describe.each(hubStoreFactories())('schema step 0007 (pick lists) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('adds pick_lists and pick_list_orders on top of 0006; an order is on one list at most', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect, '0006-bin-locations');
    expect(await tableNames(db)).not.toContain('pick_lists');
    expect((await migrateHub(db, factory.dialect))[0]).toBe('0007-pick-lists');
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['pick_lists', 'pick_list_orders']));

    await store.db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
    await store.db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
    // Only the columns every step so far has: later steps may add more, with defaults.
    await (db as Kysely<any>)
      .insertInto('orders')
      .values([order('o1'), order('o2')])
      .execute();
    for (const id of ['PL00000001', 'PL00000002'])
      await store.db.insertInto('pick_lists').values({ id, branch_code: '0000011520', created_at: 'now', created_by: 'u1' }).execute();
    await store.db.insertInto('pick_list_orders').values({ pick_list_id: 'PL00000001', order_id: 'o1', position: 0 }).execute();
    await expect(store.db.insertInto('pick_list_orders').values({ pick_list_id: 'PL00000002', order_id: 'o1', position: 0 }).execute()).rejects.toMatchObject(
      refusedBy(factory.dialect, 'primary-key'),
    );
    await expect(store.db.insertInto('pick_list_orders').values({ pick_list_id: 'PL99999999', order_id: 'o2', position: 0 }).execute()).rejects.toMatchObject(
      refusedBy(factory.dialect, 'foreign-key'),
    );
    await expect(
      store.db.insertInto('pick_list_orders').values({ pick_list_id: 'PL00000002', order_id: 'no-such-order', position: 0 }).execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    await store.close();
  });

  it('steps back down to 0006 and up again', async () => {
    const store = await factory.open();
    const db = store.db as unknown as Kysely<unknown>;
    const { Migrator } = await import('kysely');
    const { hubMigrations } = await import('../../../server/storage/migrations');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => hubMigrations(factory.dialect) } });
    expect((await migrator.migrateTo('0006-bin-locations')).error).toBeUndefined();
    expect(await tableNames(db)).not.toContain('pick_list_orders');
    expect(await migrateHub(db, factory.dialect)).toContain('0007-pick-lists');
    expect(await tableNames(db)).toContain('pick_list_orders');
    await store.close();
  });
});

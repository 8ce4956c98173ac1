import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openHubStore } from '../../../server/storage/database';
import { DatabaseNewerThanCodeError, migrateHub } from '../../../server/storage/migrate';
import { hubStoreFactories } from '../../support/hub-stores';
import { refusedBy } from './constraint-refusals';

const tableNames = async (db: Kysely<unknown>) => (await db.introspection.getTables()).map((table) => table.name).sort();

describe.each(hubStoreFactories())('hub schema on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('step 0001 creates sellers, users, sessions, stations and branches', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    expect(await migrateHub(db, factory.dialect, '0001-sellers-and-users')).toEqual(['0001-sellers-and-users']);
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['branches', 'sellers', 'users', 'sessions', 'stations']));
    expect(await tableNames(db)).not.toContain('inventory_items');
    // A user's badge is unique.
    await store.db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
    const user = { role: 'clerk', seller_id: null, pin_hash: 'x', badge: 'B1', created_at: 'now' };
    await store.db
      .insertInto('users')
      .values({ id: 'u1', name: 'A', ...user })
      .execute();
    await expect(
      store.db
        .insertInto('users')
        .values({ id: 'u2', name: 'B', ...user })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'unique'));
    await store.close();
  });

  it('step 0002 adds inventory, bundles and a stock ledger whose balances cannot go negative', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect, '0002-inventory-inbound-stock');
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['inventory_items', 'inventory_options', 'cargo_bundles', 'inbound_lines', 'stock_balances', 'stock_movements']),
    );
    await store.db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
    await store.db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
    await store.db
      .insertInto('inventory_items')
      .values({ code: '300001289771', seller_id: 's1', name: 'T', seller_item_code: null, separate_inventory: 1, created_at: 'now' })
      .execute();
    await store.db
      .insertInto('inventory_options')
      .values({
        sku: '300001289771-00001',
        inventory_code: '300001289771',
        option_code: '00001',
        name: 'L',
        seller_sku_code: null,
        extra_price_jpy: 0,
        currency: 'JPY',
        jan: null,
        length_cm: null,
        width_cm: null,
        height_cm: null,
        weight_g: null,
        created_at: 'now',
      })
      .execute();
    await expect(
      store.db.insertInto('stock_balances').values({ sku: '300001289771-00001', branch_code: '0000011520', quantity: -1 }).execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'check'));
    // Foreign keys hold: no movement for an unknown SKU.
    await expect(
      store.db
        .insertInto('stock_movements')
        .values({
          sku: '399999999999-00001',
          branch_code: '0000011520',
          kind: 'inbound',
          quantity: 1,
          reference: null,
          station_event_id: null,
          created_at: 'now',
        })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    await store.close();
  });

  it('step 0003 adds orders, tracking, fees and the sync tables with a monotonic change sequence', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect);
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['orders', 'tracking_blocks', 'tracking_uploads', 'fee_schedules', 'fee_charges', 'changes', 'station_events']),
    );
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const row = await store.db
        .insertInto('changes')
        .values({ branch_code: null, seller_id: null, entity: 'x', entity_id: String(i), op: 'upsert', data: '{}', created_at: 'now' })
        .returning('seq')
        .executeTakeFirstOrThrow();
      seqs.push(row.seq);
    }
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(typeof seqs[0]).toBe('number');
    await store.close();
  });

  it('migrates down and up again', async () => {
    const store = await factory.open();
    const db = store.db as unknown as Kysely<unknown>;
    const { Migrator } = await import('kysely');
    const { hubMigrations } = await import('../../../server/storage/migrations');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => hubMigrations(factory.dialect) } });
    expect((await migrator.migrateTo('0002-inventory-inbound-stock')).error).toBeUndefined();
    expect(await tableNames(db)).not.toContain('orders');
    // Every step after 0002 comes back, in order, however many later steps there are.
    const later = Object.keys(hubMigrations(factory.dialect)).filter((name) => name > '0002-inventory-inbound-stock');
    expect(later[0]).toBe('0003-orders-tracking-fees-sync');
    expect(later.length).toBeGreaterThan(1);
    expect(await migrateHub(db, factory.dialect)).toEqual(later);
    await store.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const location = await factory.location();
    const first = await openHubStore(location);
    await sql`insert into kysely_migration (name, timestamp) values ('0099-from-the-future', '2030-01-01')`.execute(first.db);
    await first.close();
    await expect(openHubStore(location)).rejects.toBeInstanceOf(DatabaseNewerThanCodeError);
    await expect(openHubStore(location)).rejects.toThrow(/newer version/);
  });
});

describe('hub schema on SQLite only', () => {
  it('runs in WAL mode with foreign keys on', async () => {
    const [sqliteFactory] = hubStoreFactories();
    const store = await sqliteFactory!.open();
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(keys.rows[0]?.foreign_keys).toBe(1);
    await store.close();
    await sqliteFactory!.dispose();
  });
});

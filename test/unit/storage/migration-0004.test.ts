import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import type { HubDatabase } from '../../../server/storage/schema';
import { hubStoreFactories } from '../../support/hub-stores';
import { refusedBy } from './constraint-refusals';

const tableNames = async (db: Kysely<unknown>) => (await db.introspection.getTables()).map((table) => table.name);

async function seedBundleWithLine(db: Kysely<HubDatabase>): Promise<void> {
  await db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
  await db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
  await db
    .insertInto('inventory_items')
    .values({ code: '300001289771', seller_id: 's1', name: 'T', seller_item_code: null, separate_inventory: 1, created_at: 'now' })
    .execute();
  await db
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
  await db
    .insertInto('cargo_bundles')
    .values({
      id: 'IB00000001',
      seller_id: 's1',
      branch_code: '0000011520',
      state: 'arrived',
      estimated_arrival: '2025-01-01',
      carrier: null,
      tracking_no: null,
      box_count: null,
      boxes_received: 1,
      arrived_at: null,
      completed_at: null,
      hold_reason: null,
      reject_reason: null,
      created_at: 'now',
      updated_at: 'now',
    })
    .execute();
  await db
    .insertInto('inbound_lines')
    .values({
      id: 'line-1',
      seller_id: 's1',
      sku: '300001289771-00001',
      branch_code: '0000011520',
      quantity: 3,
      description: null,
      bundle_id: 'IB00000001',
      counted: null,
      created_at: 'now',
    })
    .execute();
}

const finding = { bundle_id: 'IB00000001', station_event_id: 'e1', code: '4901234567894', quantity: 2, note: null, created_at: 'now' };

describe.each(hubStoreFactories())('schema step 0004 (inspection findings) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('adds inspection_findings on top of step 0003, tied to bundles and lines, with a known kind only', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect, '0003-orders-tracking-fees-sync');
    expect(await tableNames(db)).not.toContain('inspection_findings');
    expect((await migrateHub(db, factory.dialect))[0]).toBe('0004-inspection-findings');
    expect(await tableNames(db)).toContain('inspection_findings');

    await seedBundleWithLine(store.db);
    const ids: number[] = [];
    for (const row of [
      { ...finding, kind: 'unknown-item' as const, line_id: null },
      { ...finding, kind: 'line-reason' as const, line_id: 'line-1', code: 'short', quantity: -1, note: '箱が破損' },
    ]) {
      ids.push((await store.db.insertInto('inspection_findings').values(row).returning('id').executeTakeFirstOrThrow()).id);
    }
    expect(typeof ids[0]).toBe('number');
    expect(ids[1]).toBeGreaterThan(ids[0]!);

    await expect(
      store.db
        .insertInto('inspection_findings')
        .values({ ...finding, kind: 'lost' as never, line_id: null })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'check'));
    await expect(
      store.db
        .insertInto('inspection_findings')
        .values({ ...finding, kind: 'unknown-item', line_id: null, bundle_id: 'IB99999999' })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    await expect(
      store.db
        .insertInto('inspection_findings')
        .values({ ...finding, kind: 'line-reason', line_id: 'no-such-line' })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    await store.close();
  });

  it('steps back down to 0003 and up again', async () => {
    const store = await factory.open();
    const db = store.db as unknown as Kysely<unknown>;
    const { Migrator } = await import('kysely');
    const { hubMigrations } = await import('../../../server/storage/migrations');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => hubMigrations(factory.dialect) } });
    expect((await migrator.migrateTo('0003-orders-tracking-fees-sync')).error).toBeUndefined();
    expect(await tableNames(db)).not.toContain('inspection_findings');
    expect(await tableNames(db)).toContain('station_events');
    expect((await migrateHub(db, factory.dialect))[0]).toBe('0004-inspection-findings');
    expect(await tableNames(db)).toContain('inspection_findings');
    await store.close();
  });
});

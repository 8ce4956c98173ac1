import { Migrator, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubMigrations } from '../../../server/storage/migrations';
import type { HubDatabase } from '../../../server/storage/schema';
import { hubStoreFactories } from '../../support/hub-stores';

const step = '0008-label-time-slot';
const columnsOfOrders = async (db: Kysely<unknown>) =>
  (await db.introspection.getTables()).find((table) => table.name === 'orders')!.columns.map((column) => column.name);

/** The step before 0008, whatever other steps came in between. */
const previousStep = (names: string[]) => names[names.indexOf(step) - 1]!;

async function seedLabelledOrders(db: Kysely<HubDatabase>): Promise<void> {
  await db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
  await db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
  const order = (id: string, state: string, trackingNo: string | null, service: string | null) => ({
    id,
    seller_id: 's1',
    source: 'qoo10',
    order_no: id,
    cart_no: null,
    listing_id: null,
    sku: null,
    option_label: null,
    quantity: 1,
    recipient_name: '山田 太郎',
    recipient_phone: '090',
    postal_code: '273-0012',
    address: '千葉県船橋市',
    delivery_method: null,
    time_slot: null,
    desired_ship_date: null,
    paid_at: 'now',
    ships_within_14_days: 0 as const,
    state,
    branch_code: '0000011520',
    allocated_at: 'now',
    tracking_no: trackingNo,
    service,
    shipped_at: null,
    created_at: 'now',
  });
  await (db as Kysely<any>)
    .insertInto('orders')
    .values([
      order('shipped', 'in_transit', '300000000015', 'sagawa'),
      order('relabelled', 'packed', '300000000026', 'yamato'),
      order('open', 'picked', null, null),
    ])
    .execute();
  const event = (n: number, kind: string, payload: object, outcome = 'applied') => ({
    event_id: `e${n}`,
    station_id: 'pack-1',
    station_seq: n,
    kind,
    payload: JSON.stringify(payload),
    outcome,
    reason: null,
    applied_at: `2025-03-01T00:00:0${n}.000Z`,
  });
  await db
    .insertInto('station_events')
    .values([
      event(1, 'order.packed', { orderId: 'shipped', service: 'sagawa', timeSlot: '14-16', trackingNumber: '300000000015' }),
      // Labelled as Sagawa 18-20, voided, labelled again as Yamato: the label on the parcel has no slot.
      event(2, 'order.packed', { orderId: 'relabelled', service: 'sagawa', timeSlot: '18-20', trackingNumber: '300000000004' }),
      event(3, 'label.voided', { orderId: 'relabelled', trackingNumber: '300000000004', reason: 'jam' }),
      event(4, 'order.packed', { orderId: 'relabelled', service: 'yamato', timeSlot: null, trackingNumber: '300000000026' }),
      // A refused event never labelled anything.
      event(5, 'order.packed', { orderId: 'open', service: 'sagawa', timeSlot: 'morning', trackingNumber: '300000000030' }, 'rejected'),
    ])
    .execute();
}

describe.each(hubStoreFactories())('schema step 0008 (label time slot) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('adds orders.label_time_slot and fills it from the order.packed event that labelled each packed or shipped order', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect, previousStep(Object.keys(hubMigrations(factory.dialect))));
    expect(await columnsOfOrders(db)).not.toContain('label_time_slot');
    await seedLabelledOrders(store.db);

    expect(await migrateHub(db, factory.dialect, step)).toEqual([step]);
    expect(await columnsOfOrders(db)).toContain('label_time_slot');
    const slots = await store.db.selectFrom('orders').select(['id', 'label_time_slot']).orderBy('id').execute();
    expect(slots).toEqual([
      { id: 'open', label_time_slot: null },
      { id: 'relabelled', label_time_slot: null },
      { id: 'shipped', label_time_slot: '14-16' },
    ]);
    await store.close();
  });

  it('steps back down and up again', async () => {
    const store = await factory.open();
    const db = store.db as unknown as Kysely<unknown>;
    const migrations = hubMigrations(factory.dialect);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(previousStep(Object.keys(migrations)))).error).toBeUndefined();
    expect(await columnsOfOrders(db)).not.toContain('label_time_slot');
    expect(await migrateHub(db, factory.dialect)).toContain(step);
    expect(await columnsOfOrders(db)).toContain('label_time_slot');
    await store.close();
  });
});

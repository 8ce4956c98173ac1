import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubStoreFactories } from '../../support/hub-stores';
import { refusedBy } from './constraint-refusals';

const order = (id: string, trackingNo: string | null, cartNo: string | null = null) => ({
  id,
  seller_id: 's1',
  source: 'qoo10',
  order_no: id,
  cart_no: cartNo,
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
  state: 'packed',
  branch_code: '0000011520',
  allocated_at: null,
  tracking_no: trackingNo,
  service: 'yamato',
  shipped_at: null,
  created_at: 'now',
});

describe.each(hubStoreFactories())('schema step 0009 (parcel tracking numbers) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('lets the orders of a cart share a number, keeps every row and every reference to orders', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<any>;
    await migrateHub(db, factory.dialect, '0008-label-time-slot');
    await db.insertInto('branches').values({ code: '0000011520', name: 'Qxpress JP Tokyo' }).execute();
    await db.insertInto('sellers').values({ id: 's1', name: 'S', balance_jpy: 0, suspended: 0, created_at: 'now' }).execute();
    await db
      .insertInto('orders')
      .values([order('o1', '300000000016', '1'), order('o2', null, '1')])
      .execute();
    await db
      .insertInto('tracking_uploads')
      .values({ order_id: 'o1', tracking_no: '300000000016', carrier: 'Qxpress', queued_at: 'now', exported_at: null })
      .execute();
    // Before this step the number is one order's only.
    await expect(db.updateTable('orders').set({ tracking_no: '300000000016' }).where('id', '=', 'o2').execute()).rejects.toMatchObject(
      refusedBy(factory.dialect, 'unique'),
    );

    expect(await migrateHub(db, factory.dialect)).toContain('0009-parcel-tracking-numbers');
    await db.updateTable('orders').set({ tracking_no: '300000000016' }).where('id', '=', 'o2').execute();
    expect(await db.selectFrom('orders').select(['id', 'tracking_no', 'label_time_slot']).orderBy('id').execute()).toEqual([
      { id: 'o1', tracking_no: '300000000016', label_time_slot: null },
      { id: 'o2', tracking_no: '300000000016', label_time_slot: null },
    ]);
    // The references to orders still hold: an upload for an order that does not exist is refused.
    await expect(
      db.insertInto('tracking_uploads').values({ order_id: 'nope', tracking_no: '1', carrier: 'Qxpress', queued_at: 'now', exported_at: null }).execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    await expect(db.deleteFrom('orders').where('id', '=', 'o1').execute()).rejects.toMatchObject(refusedBy(factory.dialect, 'foreign-key'));
    // The unique order no. per seller survived the rebuild.
    await db.insertInto('orders').values(order('o3', null)).execute();
    expect(await db.selectFrom('orders').select('id').where('id', '=', 'o3').executeTakeFirst()).toEqual({ id: 'o3' });
    await expect(
      db
        .insertInto('orders')
        .values({ ...order('o4', null), order_no: 'o3' })
        .execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'unique'));
    await store.close();
  });
});

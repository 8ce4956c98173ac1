import type { Kysely } from 'kysely';

/**
 * Step 8: the Sagawa delivery time slot printed on the parcel's label, kept on the order (`label_time_slot`). Until
 * now it lived only in the floor event `order.packed`, so the hub, the changes feed and the end-of-day manifest could
 * not say which window the driver promised. `order.packed` sets it, `label.voided` clears it (with the number and the
 * service). It is not `time_slot`: that column is what the buyer or seller asked for, this is what the label says.
 *
 * Orders packed before this step get the slot back from the applied `order.packed` event that labelled them (the one
 * whose tracking number the order still carries), so a parcel shipped the day of the upgrade is on the manifest whole.
 */
export function up0008() {
  return async (db: Kysely<unknown>) => {
    await db.schema.alterTable('orders').addColumn('label_time_slot', 'text').execute();

    const trx = db as Kysely<{
      orders: { id: string; state: string; tracking_no: string | null; label_time_slot: string | null };
      station_events: { kind: string; payload: string; outcome: string; applied_at: string };
    }>;
    const labelled = await trx
      .selectFrom('orders')
      .select(['id', 'tracking_no'])
      .where('state', 'in', ['packed', 'in_transit'])
      .where('tracking_no', 'is not', null)
      .execute();
    if (labelled.length === 0) return;
    const numberOf = new Map(labelled.map((order) => [order.id, order.tracking_no]));
    const events = await trx
      .selectFrom('station_events')
      .select('payload')
      .where('kind', '=', 'order.packed')
      .where('outcome', '=', 'applied')
      .orderBy('applied_at')
      .execute();
    const slots = new Map<string, string>();
    for (const event of events) {
      const payload = JSON.parse(event.payload) as { orderId?: unknown; trackingNumber?: unknown; timeSlot?: unknown };
      if (typeof payload.orderId !== 'string' || numberOf.get(payload.orderId) !== payload.trackingNumber) continue;
      if (typeof payload.timeSlot === 'string') slots.set(payload.orderId, payload.timeSlot);
      else slots.delete(payload.orderId);
    }
    for (const [orderId, slot] of slots) await trx.updateTable('orders').set({ label_time_slot: slot }).where('id', '=', orderId).execute();
  };
}

export async function down0008(db: Kysely<unknown>) {
  await db.schema.alterTable('orders').dropColumn('label_time_slot').execute();
}

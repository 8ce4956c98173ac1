import type { Kysely, Transaction } from 'kysely';
import { maxTrackingSerial, trackingBlock } from '../../shared/domain/tracking-numbers';
import { notFound, Refusal } from './refusal';
import type { HubDatabase } from '../storage/schema';
import { recordChange } from './changes';
import { chunked } from './chunks';

/** The counter every block is cut from (reference-data.ts creates it). */
const counterName = 'default';

/** The marketplace is told who carries the parcel; the warehouse ships everything as Qxpress. */
export const uploadCarrier = 'Qxpress';

export interface TrackingBlock {
  id: number;
  stationId: string;
  firstSerial: number;
  count: number;
  numbers: string[];
  issuedAt: string;
}

/**
 * Hands a station `count` consecutive tracking numbers so it can print labels while the hub is away. The counter
 * moves by one atomic UPDATE … RETURNING: concurrent requests queue on the counter row and each gets its own
 * range, and a block that does not fit the 11-digit serial space rolls the counter back with the transaction.
 */
export async function issueTrackingBlock(db: Kysely<HubDatabase>, stationId: string, count: number, now = new Date()): Promise<TrackingBlock> {
  return db.transaction().execute(async (trx) => {
    const station = await trx.selectFrom('stations').select(['id', 'branch_code']).where('id', '=', stationId).executeTakeFirst();
    if (!station) throw notFound('station', stationId);
    const counter = await trx
      .updateTable('tracking_counter')
      .set((eb) => ({ next_serial: eb('next_serial', '+', count) }))
      .where('name', '=', counterName)
      .returning('next_serial')
      .executeTakeFirstOrThrow();
    const firstSerial = Number(counter.next_serial) - count;
    if (firstSerial + count - 1 > maxTrackingSerial) throw new Refusal('tracking-serials-exhausted', { count });
    const issuedAt = now.toISOString();
    const { id } = await trx
      .insertInto('tracking_blocks')
      .values({ station_id: stationId, first_serial: firstSerial, count, issued_at: issuedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const block = { id: Number(id), stationId, firstSerial, count, numbers: trackingBlock(firstSerial, count), issuedAt };
    // In the feed too, so a station that lost the response (crash, network) can learn which numbers are its own.
    await recordChange(
      trx,
      {
        entity: 'tracking-block',
        entityId: String(block.id),
        op: 'upsert',
        branchCode: station.branch_code,
        sellerId: null,
        data: { stationId, firstSerial, count, issuedAt },
      },
      now,
    );
    return block;
  });
}

/**
 * Puts an order's tracking number in the queue reported to Qoo10 in the evening batch; called in the transaction
 * that sends the order in transit. Other-platform shipments are not queued: their sellers report to their own
 * platforms. A changed number is queued again; the same number queued twice is reported once.
 * The caller that holds the order row passes it ({ id, source }) and spares the look-up; given only an id, the order
 * is read. Returns whether the order is (now) queued with this number.
 */
export async function queueTrackingUpload(
  trx: Transaction<HubDatabase>,
  orderOrId: string | { id: string; source: string },
  trackingNo: string,
  now = new Date(),
): Promise<boolean> {
  const orderId = typeof orderOrId === 'string' ? orderOrId : orderOrId.id;
  const order = typeof orderOrId === 'string' ? await trx.selectFrom('orders').select(['source']).where('id', '=', orderId).executeTakeFirst() : orderOrId;
  if (!order) throw notFound('order', orderId);
  if (order.source !== 'qoo10') return false;
  await trx
    .insertInto('tracking_uploads')
    .values({ order_id: orderId, tracking_no: trackingNo, carrier: uploadCarrier, queued_at: now.toISOString(), exported_at: null })
    .onConflict((oc) =>
      oc
        .column('order_id')
        .doUpdateSet({ tracking_no: trackingNo, carrier: uploadCarrier, queued_at: now.toISOString(), exported_at: null })
        .where('tracking_uploads.tracking_no', '<>', trackingNo),
    )
    .execute();
  return true;
}

export interface TrackingUpload {
  orderId: string;
  sellerId: string;
  orderNo: string;
  cartNo: string | null;
  trackingNo: string;
  carrier: string;
  queuedAt: string;
  exportedAt: string | null;
}

function uploadsQuery(db: Kysely<HubDatabase> | Transaction<HubDatabase>) {
  return db
    .selectFrom('tracking_uploads')
    .innerJoin('orders', 'orders.id', 'tracking_uploads.order_id')
    .select([
      'tracking_uploads.order_id as orderId',
      'orders.seller_id as sellerId',
      'orders.order_no as orderNo',
      'orders.cart_no as cartNo',
      'tracking_uploads.tracking_no as trackingNo',
      'tracking_uploads.carrier as carrier',
      'tracking_uploads.queued_at as queuedAt',
      'tracking_uploads.exported_at as exportedAt',
    ])
    .orderBy('tracking_uploads.queued_at')
    .orderBy('tracking_uploads.order_id');
}

/** The queue, pending (not yet exported) or exported or both, for all sellers or one. */
export async function listTrackingUploads(
  db: Kysely<HubDatabase>,
  filter: { pending?: boolean | undefined; sellerId: string | null },
): Promise<TrackingUpload[]> {
  let query = uploadsQuery(db);
  if (filter.pending !== undefined) query = query.where('tracking_uploads.exported_at', filter.pending ? 'is' : 'is not', null);
  if (filter.sellerId) query = query.where('orders.seller_id', '=', filter.sellerId);
  return query.execute();
}

/**
 * Marks every pending upload exported and returns them: the evening batch for the marketplace. The mark is one
 * UPDATE … WHERE exported_at IS NULL … RETURNING, so two exports running at once never both return a row.
 */
export async function exportPendingTrackingUploads(db: Kysely<HubDatabase>, now = new Date()): Promise<TrackingUpload[]> {
  return db.transaction().execute(async (trx) => {
    const exportedAt = now.toISOString();
    const marked = await trx.updateTable('tracking_uploads').set({ exported_at: exportedAt }).where('exported_at', 'is', null).returning('order_id').execute();
    const uploads: TrackingUpload[] = [];
    for (const chunk of chunked(
      marked.map((row) => row.order_id),
      500,
    )) {
      uploads.push(...(await uploadsQuery(trx).where('tracking_uploads.order_id', 'in', chunk).execute()));
    }
    return uploads.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.orderId < b.orderId ? -1 : 1));
  });
}

const csvColumns = ['orderNo', 'cartNo', 'trackingNo', 'carrier'] as const;

function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The batch as CSV for the marketplace upload: a header row, then one row per order, CRLF line ends. */
export function trackingUploadsCsv(uploads: readonly TrackingUpload[]): string {
  const lines = [csvColumns.join(','), ...uploads.map((upload) => csvColumns.map((column) => csvField(upload[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

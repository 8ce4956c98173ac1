import type { ManifestPrintResult } from '../../../shared/contract/manifest';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { buildManifestDay, prefectureOf, type ManifestDay, type ManifestOrder } from '../../../shared/domain/manifest';
import { parcelServices, type ParcelService } from '../../../shared/domain/parcel-services';
import { addDays, startOfTokyoDay, tokyoDate, type TokyoDate } from '../../../shared/domain/tokyo-time';
import { keepReport } from '../printing/keep-report';
import { renderManifestPdf, type Manifest } from '../printing/render-manifest';
import { serviceNamesJa } from '../printing/shipping-label';
import type { OutboxEntry, StationStore } from '../store/station-store';
import { overlayOrder } from '../overlay/floor-overlay';

const trailKinds = ['order.packed', 'order.shipped', 'label.voided'] as const;
/** How far back this station's own labels are read for a day's manifest. */
const labelLookbackDays = 7;
const isService = (value: unknown): value is ParcelService => (parcelServices as readonly unknown[]).includes(value);

export interface ManifestDeps {
  store: StationStore;
  branchCode: string;
  stationId: string;
  /** Where printed manifests are kept as PDF files (beside the discrepancy reports). */
  reportsDir: string;
  /** Queues a finished PDF on the station's document printer. */
  printDocument(pdf: Buffer, title: string): Promise<PrintJobStatus>;
  now?: () => Date;
}

/**
 * The end-of-day manifest as this station sees it: the branch's orders in transit from the hub's changes feed (the
 * station caches every order of its branch), and the parcels this station scanned out that the hub has not sent back
 * yet — from its own outbox, the same events the pack bench answers from — so the list is whole with the hub away and
 * shows a parcel the moment its label is scanned. A parcel the hub has not applied is marked (`atHub: false`); an
 * event the hub refused counts for nothing.
 */
export class ManifestService {
  constructor(private readonly deps: ManifestDeps) {}

  today(): TokyoDate {
    return tokyoDate(this.deps.now?.() ?? new Date());
  }

  day(date: TokyoDate = this.today()): ManifestDay {
    return buildManifestDay(date, this.deps.branchCode, this.parcels(date));
  }

  /** One service's manifest of the day, as the PDF renderer takes it. */
  printable(date: TokyoDate, service: ParcelService): Manifest {
    const section = this.day(date).sections.find((candidate) => candidate.service === service)!;
    return {
      service,
      date,
      station: this.deps.stationId,
      branch: this.deps.branchCode,
      parcels: section.parcels.map((parcel) => ({
        trackingNumber: parcel.trackingNo,
        orderNo: parcel.orderNo,
        orderNos: parcel.orderNos,
        cartNo: parcel.cartNo,
        managementNo: parcel.managementNo,
        sellerName: parcel.sellerName ?? parcel.sellerId,
        recipientName: parcel.recipientName,
        prefecture: parcel.prefecture,
        timeSlot: parcel.timeSlot,
        itemCount: parcel.itemCount,
      })),
    };
  }

  /** Renders one service's manifest, keeps the PDF in the data folder and queues it on the document printer. */
  async print(date: TokyoDate, service: ParcelService): Promise<ManifestPrintResult> {
    const manifest = this.printable(date, service);
    const pdf = await renderManifestPdf(manifest);
    const path = keepReport(this.deps.reportsDir, `manifest-${date}-${service}.pdf`, pdf);
    const job = await this.deps.printDocument(pdf, `出荷明細書 ${serviceNamesJa[service]} ${date}`);
    return { job, path, bytes: pdf.length, parcelCount: manifest.parcels.length };
  }

  /**
   * The day's candidates only, through the store's indexes: the orders the hub says left that day, and the orders of
   * this station's recent labels and scans out. The cache holds every order ever shipped; the screen refreshes often.
   */
  private parcels(date: TokyoDate): ManifestOrder[] {
    const { store, branchCode } = this.deps;
    const sellers = new Map(store.cached('seller').map((seller) => [seller.id, seller.name]));
    const from = startOfTokyoDay(date).toISOString();
    const to = startOfTokyoDay(addDays(date, 1)).toISOString();
    // A label is printed before its parcel leaves, at most a few days before on a busy week.
    const trails = this.ownEvents(startOfTokyoDay(addDays(date, -labelLookbackDays)).toISOString());
    const candidates = new Map(store.cachedShippedBetween(from, to).map((order) => [order.id, order]));
    for (const orderId of trails.keys()) {
      const order = candidates.has(orderId) ? null : store.cachedOne('order', orderId);
      if (order) candidates.set(orderId, order);
    }
    const parcels: ManifestOrder[] = [];
    for (const order of candidates.values()) {
      if (order.branchCode !== branchCode) continue;
      const own = trails.get(order.id) ?? [];
      const base = {
        orderId: order.id,
        orderNo: order.orderNo,
        cartNo: order.cartNo,
        managementNo: order.source === 'management' ? order.orderNo : null,
        sellerId: order.sellerId,
        sellerName: sellers.get(order.sellerId) ?? null,
        recipientName: order.recipient.name,
        prefecture: prefectureOf(order.recipient.address),
        itemCount: order.quantity,
      };
      if (order.state === 'in_transit') {
        if (!order.trackingNo || !order.shippedAt) continue;
        // Our own label of this very number knows the service and slot if the cached view predates step 0008.
        const ownLabel = overlayOrder({ id: order.id, state: 'allocated', trackingNo: null }, own);
        const labelled = ownLabel.trackingNo === order.trackingNo ? ownLabel : null;
        const service = isService(order.service) ? order.service : isService(labelled?.service) ? labelled.service : null;
        if (!service) continue;
        parcels.push({
          ...base,
          trackingNo: order.trackingNo,
          service,
          timeSlot: order.labelTimeSlot ?? labelled?.labelTimeSlot ?? null,
          shippedAt: order.shippedAt,
          atHub: true,
        });
        continue;
      }
      // Not yet in transit at the hub (or not as far as the cache knows): sent out here a moment ago? The floor
      // overlay lays this station's label and scan out over the hub's order, as the hub will.
      const floor = overlayOrder(order, own);
      if (floor.state !== 'in_transit' || !floor.trackingNo || !floor.shippedAt || !isService(floor.service)) continue;
      parcels.push({ ...base, trackingNo: floor.trackingNo, service: floor.service, timeSlot: floor.labelTimeSlot, shippedAt: floor.shippedAt, atHub: false });
    }
    return parcels;
  }

  /** Each order's label and scan-out events by this station since `since` that the hub did not refuse, in outbox order. */
  private ownEvents(since: string): Map<string, OutboxEntry[]> {
    const trails = new Map<string, OutboxEntry[]>();
    for (const entry of this.deps.store.eventsOfKindsSince(trailKinds, since)) {
      if (entry.state === 'rejected') continue;
      const orderId = (entry.payload as { orderId?: unknown }).orderId;
      if (typeof orderId !== 'string') continue;
      const list = trails.get(orderId);
      if (list) list.push(entry);
      else trails.set(orderId, [entry]);
    }
    return trails;
  }
}

import { StationFailure } from '../../shared/contract/errors';
import type { FloorEventKind } from '../../shared/contract/floor-events';
import type { EmbeddedHubStatus, HubStatus, StationStatus } from '../../shared/contract/schemas';
import type { AnyStationEvent } from '../../shared/contract/station-contract';
import type { CallResult } from '../../shared/contract/wire';
import { createDispatcher, type StationHandlers } from './contract-host/dispatcher';
import { StationEventBus } from './events/event-bus';
import type { HubCredentials } from './hub-client/hub-http';
import { HubSync } from './hub-client/hub-sync';
import { createHidScannerService, type HidScannerService } from './scanner/hid-scanner-service';
import { ScanRecorder } from './scans/scan-recorder';
import { join } from 'node:path';
import { ManifestService } from './manifest/manifest-service';
import { PackingService } from './packing/packing-service';
import { PickListPrinting } from './picking/pick-list-printing';
import { PickingService } from './picking/picking-service';
import { PutawayService } from './putaway/putaway-service';
import { keepReport } from './printing/keep-report';
import { listCupsQueues } from './printing/cups-queues';
import { createPrintService } from './printing/print-service';
import { renderDiscrepancyReport } from './printing/render-discrepancy-report';
import { savePrinter, stationPrinters } from './printing/station-printer';
import { StationPrinting } from './printing/station-printing';
import { ReceivingRefused, ReceivingService } from './receiving/receiving-service';
import { skuCard, skuLabelRun } from './catalog/sku-card';
import { HubSessionService } from './session/hub-session-service';
import { StationStore } from './store/station-store';

export interface StationOptions {
  dataDir: string;
  /** The hub this station syncs with: its own embedded hub, or the warehouse's. */
  hub: HubCredentials;
  /** The branch (warehouse) this station stands in. */
  branchCode: string;
  /** Set false where USB scanners must not be touched (tests of other parts). */
  hid?: boolean;
  log?: (message: string) => void;
  /** How often the hub is polled for changes when nothing else happens. */
  hubPollMs?: number;
  /** The station's clock: stamps floor events and is compared with the hub's. Tests set it off; defaults to the PC's. */
  clock?: () => Date;
  /** The station's own hub process, when it runs one: its restarts are shown on the status bar. */
  embeddedHub?: { status(): EmbeddedHubStatus; onStatus(listener: (status: EmbeddedHubStatus) => void): () => void } | null;
}

export interface Station {
  dispatch(method: string, rawInput: unknown, clientId: string): Promise<CallResult>;
  disconnectClient(clientId: string): void;
  onEvent(listener: (event: AnyStationEvent) => void): () => void;
  /** The local store, for tests and tools that inspect the outbox. */
  readonly store: StationStore;
  close(): Promise<void>;
}

/** Composes the station services behind the one contract; both Electron main and the web host start it this way. */
export async function startStation(options: StationOptions): Promise<Station> {
  const log = options.log ?? ((message: string) => console.error(`[station] ${message}`));
  const bus = new StationEventBus(log);
  const store = new StationStore(options.dataDir);
  const sessions = new HubSessionService(options.hub, store);
  const clock = options.clock ?? (() => new Date());
  const scans = new ScanRecorder();
  const sync = new HubSync(
    options.hub,
    store,
    {
      onStatus: (hub: HubStatus) => bus.emit('hub.status', hub),
      onOutboxDepth: (depth) => bus.emit('outbox.depth', { depth }),
      onClockOffset: (offsetMs) => bus.emit('clock.offset', { offsetMs }),
      onRejected: (eventId, reason) => log(`the hub refused event ${eventId}: ${reason}`),
      log,
    },
    { pollMs: options.hubPollMs ?? 3000, now: clock },
  );
  sync.start();
  const stopFollowingHub = options.embeddedHub?.onStatus((embedded) => bus.emit('hub.embedded', embedded));

  const hid: HidScannerService | null =
    options.hid === false
      ? null
      : createHidScannerService({
          onScan: (scan) => bus.emit('scan', scans.record({ source: 'hid', deviceId: scan.deviceId, aim: scan.aim, symbology: scan.symbology, raw: scan.data })),
          onConnected: (device) => bus.emit('scanner.connected', device),
          onDisconnected: (device) => bus.emit('scanner.disconnected', device),
          log,
        });
  await hid?.start();

  const recordFloorEvent = (kind: FloorEventKind, payload: unknown, userId: string | null) => {
    // Stamped with the floor's time: the hub records it as when this happened, however late it is pushed.
    const entry = store.appendEvent(kind, payload, userId, clock());
    bus.emit('outbox.depth', { depth: store.pendingCount() });
    sync.kick();
    return entry;
  };
  const receiving = new ReceivingService({ store, branchCode: options.branchCode, record: recordFloorEvent });
  // A bundle that cannot be inspected here ends the call with its reason; other refusals are part of the answer.
  const receivingCall = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof ReceivingRefused) throw new StationFailure(error.refusal === 'unknown-bundle' ? 'unknown-bundle' : 'bundle-not-arrived', error.refusal);
      throw error;
    }
  };
  const userOf = (ctx: { session(): { user: { id: string } } | null }) => ctx.session()?.user.id ?? null;

  const printing = createPrintService({ dataDir: join(options.dataDir, 'print-jobs'), log, onJobStatus: (job) => bus.emit('print.job', job) });
  // Each kind of document on its own printer setting; a call answers once the printer has (or after a few seconds).
  const printers = new StationPrinting({ printing, store, stationId: options.hub.stationId });

  const packing = new PackingService({
    store,
    branchCode: options.branchCode,
    hub: options.hub,
    record: recordFloorEvent,
    // Shipping labels go through the same queue as SKU labels (kept on disk, retried) to the shipping-label printer.
    printLabel: (label) => printers.shippingLabel(label),
    log,
  });
  const putaway = new PutawayService({ store, branchCode: options.branchCode, record: recordFloorEvent });
  const picking = new PickingService({ store, branchCode: options.branchCode, hub: options.hub, record: recordFloorEvent });
  // A block fetched while the hub is here is what the bench prints from when it is away.
  packing.refillIfLow();
  // A4 documents (manifests, printed pick lists) are kept under reports/ and go to the document printer.
  const reportsDir = join(options.dataDir, 'reports');
  const manifests = new ManifestService({ store, branchCode: options.branchCode, stationId: options.hub.stationId, reportsDir, printDocument: (pdf, title) => printers.document('manifest', pdf, title), now: clock });
  const pickPrinting = new PickListPrinting({ picking, branchCode: options.branchCode, stationId: options.hub.stationId, reportsDir, printDocument: (pdf, title) => printers.document('pick-list', pdf, title) });

  const status = (): StationStatus => ({
    stationId: options.hub.stationId,
    hub: sync.hubStatus,
    embeddedHub: options.embeddedHub?.status() ?? null,
    outboxDepth: store.pendingCount(),
    scanners: hid?.devices() ?? [],
    hidAvailable: hid?.available ?? false,
    clockOffsetMs: sync.clockOffsetMs,
  });

  const handlers: StationHandlers = {
    'session.users': () => sessions.list(),
    'session.signIn': (input, ctx) => sessions.signIn(ctx.clientId, input),
    'session.signOut': (_input, ctx) => ({ signedOut: sessions.signOut(ctx.clientId) }),
    'session.current': (_input, ctx) => ctx.session(),
    'session.language': (input, ctx) => (sessions.setLanguage(ctx.clientId, input.language), input),
    'station.status': () => status(),
    'scans.submitWedge': (input) => scans.record({ source: 'wedge', deviceId: null, aim: null, raw: input.raw, unfinished: input.unfinished }),
    'scans.recent': (input) => scans.latest(input.limit),
    'stock.adjust': (input, ctx) => {
      // Durable before it is confirmed: the screen hears "done" only after the outbox row is on disk.
      const entry = recordFloorEvent('stock.adjusted', input, userOf(ctx));
      return { eventId: entry.eventId, seq: entry.seq, outboxDepth: store.pendingCount() };
    },
    'receiving.expected': () => receiving.expected(),
    'receiving.arrive': (input, ctx) => receiving.arrive(input.code, input.boxesReceived, userOf(ctx)),
    'inspection.open': (input) => receivingCall(() => receiving.open(input.bundleId)),
    'inspection.scan': (input, ctx) => receivingCall(() => receiving.scan(input.bundleId, input.code, userOf(ctx))),
    'inspection.key': (input, ctx) => receivingCall(() => receiving.key(input.bundleId, input.lineId, input.count, userOf(ctx))),
    'inspection.undo': (input, ctx) => receivingCall(() => receiving.undo(input.bundleId, userOf(ctx))),
    'inspection.finish': (input, ctx) => receivingCall(() => receiving.finish(input.bundleId, input.reasons, userOf(ctx))),
    'inspection.setBlind': (input) => ({ blind: receiving.setBlind(input.blind) }),
    'station.settings': () => ({ blind: receiving.blind(), printers: stationPrinters(store) }),
    'printing.queues': () => listCupsQueues(),
    'printing.setPrinter': (input) => (savePrinter(store, input.kind, input.profile), stationPrinters(store)),
    'printing.test': (input) => printers.testPage(input.kind),
    'printing.retry': (input) => printers.retry(input.jobId, input.queue),
    'printing.dismiss': (input) => printers.dismiss(input.jobId),
    'inspection.reportPdf': async (input, ctx) => {
      const view = receivingCall(() => receiving.report(input.bundleId));
      // Its time in Japan time, in the convention of the language its words are in (the window's).
      const pdf = await renderDiscrepancyReport(view, input.wording, new Date(), sessions.languageOf(ctx.clientId));
      const path = keepReport(reportsDir, `${input.bundleId}-discrepancy.pdf`, pdf);
      return { path, bytes: pdf.length };
    },
    'inspection.printReport': async (input, ctx) => {
      const view = receivingCall(() => receiving.report(input.bundleId));
      const pdf = await renderDiscrepancyReport(view, input.wording, new Date(), sessions.languageOf(ctx.clientId));
      const path = keepReport(reportsDir, `${input.bundleId}-discrepancy.pdf`, pdf);
      return { path, bytes: pdf.length, job: await printers.document('discrepancy-report', pdf, `${input.wording.title} ${input.bundleId}`) };
    },
    // Print jobs carry more than their status; the contract's schema keeps only the status fields.
    'printing.skuLabels': (input) => printers.skuLabels(receivingCall(() => receiving.skuLabels(input.bundleId))),
    'catalog.skuCard': (input) => skuCard(store, input.code),
    'printing.skuLabelsFor': async (input) => {
      const card = skuCard(store, input.code);
      return { card, job: card ? await printers.skuLabels(skuLabelRun(card, input.quantity)) : null };
    },
    'printing.jobs': () => printing.jobs(),
    'packing.open': (input) => packing.open(input.code),
    'packing.scan': (input, ctx) => packing.scan(input.orderId, input.code, userOf(ctx), input.bench),
    'packing.label': (input, ctx) => packing.label(input.orderId, input.service, input.timeSlot, userOf(ctx)),
    'packing.ship': (input, ctx) => packing.ship(input.orderId, input.code, userOf(ctx)),
    'packing.void': (input, ctx) => packing.void(input.orderId, input.reason, userOf(ctx)),
    'printing.reprint': (input) => printing.reprint(input.jobId),
    'manifest.day': (input) => manifests.day(input.date),
    'manifest.print': (input) => manifests.print(input.date, input.service),
    'picking.make': (input, ctx) => picking.make(input.ordersPerList, { userId: userOf(ctx), token: sessions.tokenOf(ctx.clientId), language: sessions.languageOf(ctx.clientId) }),
    'picking.lists': () => picking.lists(),
    'picking.open': (input) => picking.open(input.code),
    'picking.print': (input) => pickPrinting.print(input.pickListId),
    'picking.scan': (input, ctx) => picking.scan(input.pickListId, input.code, userOf(ctx)),
    'putaway.scan': (input, ctx) => putaway.scan(ctx.clientId, input.code, userOf(ctx)),
    'putaway.pending': (_input, ctx) => putaway.pending(ctx.clientId),
    'putaway.clear': (_input, ctx) => ({ cleared: putaway.clear(ctx.clientId) }),
    'putaway.location': (input) => putaway.location(input.sku),
  };
  const dispatch = createDispatcher(handlers, log);

  return {
    store,
    dispatch: (method, rawInput, clientId) => dispatch(method, rawInput, { clientId, session: () => sessions.current(clientId) }),
    disconnectClient: (clientId) => {
      sessions.forget(clientId);
      putaway.clear(clientId);
    },
    onEvent: (listener) => bus.subscribe(listener),
    close: async () => {
      stopFollowingHub?.();
      await hid?.stop();
      await printing.close();
      await sync.stop();
      store.close();
    },
  };
}

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
import { manifestHandlers } from './manifest/manifest-handlers';
import { PackingService } from './packing/packing-service';
import { packingHandlers } from './packing/packing-handlers';
import { PickListPrinting } from './picking/pick-list-printing';
import { PickingService } from './picking/picking-service';
import { pickingHandlers } from './picking/picking-handlers';
import { PutawayService } from './putaway/putaway-service';
import { putawayHandlers } from './putaway/putaway-handlers';
import { createPrintService } from './printing/print-service';
import { printingHandlers } from './printing/printing-handlers';
import { StationPrinting } from './printing/station-printing';
import { ReceivingService } from './receiving/receiving-service';
import { receivingHandlers } from './receiving/receiving-handlers';
import { catalogHandlers } from './catalog/catalog-handlers';
import { HubSessionService } from './session/hub-session-service';
import { sessionHandlers } from './session/session-handlers';
import { DailyCountsService } from './daily-counts/daily-counts-service';
import { dailyCountsHandlers } from './daily-counts/daily-counts-handlers';
import { StockCountService } from './stock-count/stock-count-service';
import { stockCountHandlers } from './stock-count/stock-count-handlers';
import { scansHandlers } from './scans/scans-handlers';
import { stationHandlers } from './status/station-handlers';
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
  /** Whether a user has signed in on this window (the web host sends floor events only to such windows). */
  signedIn(clientId: string): boolean;
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
          onScan: (scan) =>
            bus.emit('scan', scans.record({ source: 'hid', deviceId: scan.deviceId, aim: scan.aim, symbology: scan.symbology, raw: scan.data })),
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

  const printing = createPrintService({ dataDir: join(options.dataDir, 'print-jobs'), log, onJobStatus: (job) => bus.emit('print.job', job) });
  // The supervisor's day shows each station's print problems: jobs failed or waiting for their printer, not yet dealt with.
  sync.reportPrintProblems(() => printing.jobs().filter((job) => (job.state === 'failed' || job.state === 'waiting-for-printer') && !job.dismissed).length);
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
  // A second supervisor's badge is checked without touching the sessions of this station's windows.
  const stockCounts = new StockCountService({
    store,
    branchCode: options.branchCode,
    record: recordFloorEvent,
    badgeHolder: (badge, clientId) => sessions.badgeHolder(clientId, badge),
  });
  const picking = new PickingService({ store, branchCode: options.branchCode, hub: options.hub, record: recordFloorEvent });
  // A block fetched while the hub is here is what the bench prints from when it is away.
  packing.refillIfLow();
  // A4 documents (manifests, printed pick lists) are kept under reports/ and go to the document printer.
  const reportsDir = join(options.dataDir, 'reports');
  const manifests = new ManifestService({
    store,
    branchCode: options.branchCode,
    stationId: options.hub.stationId,
    reportsDir,
    printDocument: (pdf, title) => printers.document('manifest', pdf, title),
    now: clock,
  });
  const pickPrinting = new PickListPrinting({
    picking,
    branchCode: options.branchCode,
    stationId: options.hub.stationId,
    reportsDir,
    printDocument: (pdf, title) => printers.document('pick-list', pdf, title),
  });
  const dailyCounts = new DailyCountsService({
    store,
    branchCode: options.branchCode,
    hub: options.hub,
    reportsDir,
    printDocument: (pdf, title) => printers.document('daily-report', pdf, title),
    now: clock,
  });

  const status = (): StationStatus => ({
    stationId: options.hub.stationId,
    hub: sync.hubStatus,
    embeddedHub: options.embeddedHub?.status() ?? null,
    outboxDepth: store.pendingCount(),
    scanners: hid?.devices() ?? [],
    hidAvailable: hid?.available ?? false,
    clockOffsetMs: sync.clockOffsetMs,
  });

  // Each feature brings its own slice of the contract; the type checks that together they answer every method.
  const handlers: StationHandlers = {
    ...sessionHandlers(sessions),
    ...stationHandlers({ store, status, blind: () => receiving.blind(), record: recordFloorEvent }),
    ...scansHandlers(scans),
    ...receivingHandlers({ receiving, printers, reportsDir, languageOf: (clientId) => sessions.languageOf(clientId) }),
    ...catalogHandlers({ store, printers }),
    ...printingHandlers({ store, printing, printers }),
    ...packingHandlers(packing),
    ...manifestHandlers(manifests),
    ...pickingHandlers({ picking, pickPrinting, sessions }),
    ...putawayHandlers(putaway),
    ...dailyCountsHandlers({ dailyCounts, sessions }),
    ...stockCountHandlers(stockCounts),
  };
  const dispatch = createDispatcher(handlers, log);

  return {
    store,
    dispatch: (method, rawInput, clientId) => dispatch(method, rawInput, { clientId, session: () => sessions.current(clientId) }),
    disconnectClient: (clientId) => {
      sessions.forget(clientId);
      putaway.clear(clientId);
    },
    signedIn: (clientId) => sessions.current(clientId) !== null,
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

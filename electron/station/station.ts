import { randomUUID } from 'node:crypto';
import type { HubStatus, StationStatus } from '../../shared/contract/schemas';
import type { AnyStationEvent } from '../../shared/contract/station-contract';
import type { CallResult } from '../../shared/contract/wire';
import { createDispatcher, type StationHandlers } from './contract-host/dispatcher';
import { StationEventBus } from './events/event-bus';
import { createHidScannerService, type HidScannerService } from './scanner/hid-scanner-service';
import { ScanRecorder } from './scans/scan-recorder';
import { placeholderUsers } from './session/placeholder-users';
import { SessionService } from './session/session-service';

export interface StationOptions {
  dataDir: string;
  /** Set false where USB scanners must not be touched (tests of other parts). */
  hid?: boolean;
  log?: (message: string) => void;
}

export interface Station {
  dispatch(method: string, rawInput: unknown, clientId: string): Promise<CallResult>;
  disconnectClient(clientId: string): void;
  onEvent(listener: (event: AnyStationEvent) => void): () => void;
  close(): Promise<void>;
}

/** Composes the station services behind the one contract; both Electron main and the web host start it this way. */
export async function startStation(options: StationOptions): Promise<Station> {
  const log = options.log ?? ((message: string) => console.error(`[station] ${message}`));
  const stationId = `station-${randomUUID().slice(0, 8)}`;
  const bus = new StationEventBus(log);
  const sessions = new SessionService(placeholderUsers());
  const scans = new ScanRecorder();
  const hub: HubStatus = { state: 'not-configured', url: null, since: new Date().toISOString() };

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

  const status = (): StationStatus => ({
    stationId,
    hub,
    outboxDepth: 0,
    scanners: hid?.devices() ?? [],
    hidAvailable: hid?.available ?? false,
  });

  const handlers: StationHandlers = {
    'session.users': () => sessions.list(),
    'session.signIn': (input, ctx) => sessions.signIn(ctx.clientId, input),
    'session.signOut': (_input, ctx) => ({ signedOut: sessions.signOut(ctx.clientId) }),
    'session.current': (_input, ctx) => ctx.session(),
    'station.status': () => status(),
    'scans.submitWedge': (input) => scans.record({ source: 'wedge', deviceId: null, aim: null, raw: input.raw, unfinished: input.unfinished }),
    'scans.recent': (input) => scans.latest(input.limit),
  };
  const dispatch = createDispatcher(handlers, log);

  return {
    dispatch: (method, rawInput, clientId) => dispatch(method, rawInput, { clientId, session: () => sessions.current(clientId) }),
    disconnectClient: (clientId) => void sessions.signOut(clientId),
    onEvent: (listener) => bus.subscribe(listener),
    close: async () => {
      await hid?.stop();
    },
  };
}

import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { StationStatus } from '../../../shared/contract/schemas';
import { callerId, type HandlerSlice } from '../contract-host/dispatcher';
import { stationPrinters } from '../printing/station-printer';
import type { StationStore } from '../store/station-store';

export interface StationHandlerDeps {
  store: StationStore;
  status(): StationStatus;
  /** Whether inspection counts blind (the receiving setting shown on the settings screen). */
  blind(): boolean;
  record(kind: FloorEventKind, payload: unknown, userId: string | null): { eventId: string; seq: number };
}

/** The station as a whole: its status bar, its settings, and a stock adjustment straight into the outbox. */
export function stationHandlers(deps: StationHandlerDeps): HandlerSlice<'station.status' | 'station.settings' | 'stock.adjust'> {
  return {
    'station.status': () => deps.status(),
    'station.settings': () => ({ blind: deps.blind(), printers: stationPrinters(deps.store) }),
    'stock.adjust': (input, ctx) => {
      // Durable before it is confirmed: the screen hears "done" only after the outbox row is on disk.
      const entry = deps.record('stock.adjusted', input, callerId(ctx));
      return { eventId: entry.eventId, seq: entry.seq, outboxDepth: deps.store.pendingCount() };
    },
  };
}

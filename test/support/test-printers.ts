import { savePrinter } from '../../electron/station/printing/station-printer';
import type { StationStore } from '../../electron/station/store/station-store';
import { printerKinds, printerProfileSchema, type PrinterKind } from '../../shared/contract/printer-profile';

/**
 * Points kinds of document at a raw port on this machine (a test's listener), saved the way the settings screen saves
 * a printer (one setting per kind), not through the single label printer of stations set up before there were kinds.
 */
export function printToPort(store: StationStore, port: number, kinds: readonly PrinterKind[] = printerKinds): void {
  for (const kind of kinds) {
    savePrinter(store, kind, printerProfileSchema.parse({ id: kind, name: `test printer ${port}`, kind: 'raw-tcp', host: '127.0.0.1', port, format: 'pdf' }));
  }
}

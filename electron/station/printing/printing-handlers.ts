import type { HandlerSlice } from '../contract-host/dispatcher';
import type { StationStore } from '../store/station-store';
import { listCupsQueues } from './cups-queues';
import type { PrintService } from './print-service';
import { savePrinter, stationPrinters } from './station-printer';
import type { StationPrinting } from './station-printing';

type PrintingMethods =
  'printing.queues' | 'printing.setPrinter' | 'printing.test' | 'printing.retry' | 'printing.dismiss' | 'printing.jobs' | 'printing.reprint';

/** The station's printers: which queue prints what, a test page, and the jobs with their results. */
export function printingHandlers(deps: { store: StationStore; printing: PrintService; printers: StationPrinting }): HandlerSlice<PrintingMethods> {
  const { store, printing, printers } = deps;
  return {
    'printing.queues': () => listCupsQueues(),
    'printing.setPrinter': (input) => (savePrinter(store, input.kind, input.profile), stationPrinters(store)),
    'printing.test': (input) => printers.testPage(input.kind),
    'printing.retry': (input) => printers.retry(input.jobId, input.queue),
    'printing.dismiss': (input) => printers.dismiss(input.jobId),
    'printing.jobs': () => printing.jobs(),
    'printing.reprint': (input) => printing.reprint(input.jobId),
  };
}

import type { StationStore } from '../store/station-store';
import { defaultPrinterProfiles, printerProfileSchema, type PrinterProfile } from './printer-profile';

/**
 * The station's label printer: a profile kept in the station store (setting `printer.labels`, JSON), else one named
 * by QWMS_LABEL_PRINTER (`cups:<queue>` or `tcp:<host>:<port>`, with `:zpl` for a ZPL printer), else the default
 * CUPS queue `qwms-labels`.
 */
export function labelPrinterProfile(store: StationStore, env: NodeJS.ProcessEnv = process.env): PrinterProfile {
  const saved = store.setting('printer.labels');
  if (saved) return printerProfileSchema.parse(JSON.parse(saved));
  return namedPrinter('labels', env.QWMS_LABEL_PRINTER) ?? (defaultPrinterProfiles[0] as PrinterProfile);
}

/**
 * The printer for A4 documents (the end-of-day manifest): a profile in setting `printer.documents` (JSON), else one
 * named by QWMS_DOCUMENT_PRINTER (same form as QWMS_LABEL_PRINTER), else the label printer — where that is a PDF
 * printer on A4 sheets or a CUPS queue whose driver fits the page. A ZPL label printer cannot take a document: the
 * job then fails and says so.
 */
export function documentPrinterProfile(store: StationStore, env: NodeJS.ProcessEnv = process.env): PrinterProfile {
  const saved = store.setting('printer.documents');
  if (saved) return printerProfileSchema.parse(JSON.parse(saved));
  return namedPrinter('documents', env.QWMS_DOCUMENT_PRINTER) ?? labelPrinterProfile(store, env);
}

/** `cups:<queue>[:zpl]` or `tcp:<host>:<port>[:zpl]` as a profile with this id; undefined for anything else. */
function namedPrinter(id: string, named: string | undefined): PrinterProfile | undefined {
  if (!named) return undefined;
  const [kind, first, second, third] = named.split(':');
  const zpl = [second, third].includes('zpl');
  if (kind === 'cups' && first) return printerProfileSchema.parse({ id, name: first, kind: 'cups', queue: first, format: zpl ? 'zpl' : 'pdf' });
  if (kind === 'tcp' && first) {
    const port = Number(second);
    return printerProfileSchema.parse({ id, name: `${first}:${second}`, kind: 'raw-tcp', host: first, port: Number.isInteger(port) ? port : 9100, format: zpl ? 'zpl' : 'pdf' });
  }
  return undefined;
}

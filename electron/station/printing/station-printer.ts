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
  const named = env.QWMS_LABEL_PRINTER;
  if (named) {
    const [kind, first, second, third] = named.split(':');
    const zpl = [second, third].includes('zpl');
    if (kind === 'cups' && first) return printerProfileSchema.parse({ id: 'labels', name: first, kind: 'cups', queue: first, format: zpl ? 'zpl' : 'pdf' });
    if (kind === 'tcp' && first) {
      const port = Number(second);
      return printerProfileSchema.parse({ id: 'labels', name: `${first}:${second}`, kind: 'raw-tcp', host: first, port: Number.isInteger(port) ? port : 9100, format: zpl ? 'zpl' : 'pdf' });
    }
  }
  return defaultPrinterProfiles[0] as PrinterProfile;
}

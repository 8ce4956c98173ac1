import { printerKinds, printerProfileSchema, type PrinterKind, type PrinterProfile } from '../../../shared/contract/printer-profile';
import type { StationStore } from '../store/station-store';
import { defaultPrinterProfiles } from './printer-profile';

/**
 * Environment overrides per kind (`cups:<queue>` or `tcp:<host>:<port>`, with `:zpl` for a ZPL printer), first match
 * wins. QWMS_LABEL_PRINTER is the older single label printer: it still names the SKU label printer, and the shipping
 * label printer where no QWMS_SHIPPING_LABEL_PRINTER is given (as it did before there were kinds).
 */
const environmentNames: Record<PrinterKind, readonly string[]> = {
  'sku-labels': ['QWMS_SKU_LABEL_PRINTER', 'QWMS_LABEL_PRINTER'],
  'shipping-labels': ['QWMS_SHIPPING_LABEL_PRINTER', 'QWMS_LABEL_PRINTER'],
  documents: ['QWMS_DOCUMENT_PRINTER'],
};

/** The setting the settings screen writes for a kind (JSON of a profile). */
export function printerSettingKey(kind: PrinterKind): string {
  return `printer.${kind}`;
}

/**
 * The printer one kind of document goes to: the profile chosen on the settings screen (setting `printer.<kind>`),
 * else the single label printer of a station set up before there were kinds (setting `printer.labels`; every job
 * now goes there on its own kind's page size; for documents only after QWMS_DOCUMENT_PRINTER, as before), else the
 * environment's (see environmentNames), else the default CUPS queue of the kind (qwms-labels, qwms-shipping-labels,
 * qwms-documents). The profile's id is always the kind, so a job's `printer` says which setting it used.
 */
export function printerFor(store: StationStore, kind: PrinterKind, env: NodeJS.ProcessEnv = process.env): PrinterProfile {
  const saved = store.setting(printerSettingKey(kind));
  if (saved) return { ...printerProfileSchema.parse(JSON.parse(saved)), id: kind };
  const legacySetting = store.setting('printer.labels');
  const legacy = legacySetting ? forKind(kind, { ...printerProfileSchema.parse(JSON.parse(legacySetting)), id: kind }) : null;
  // As before kinds: the saved label printer came before the environment, and documents fell back to it last.
  if (legacy && kind !== 'documents') return legacy;
  for (const name of environmentNames[kind]) {
    const named = namedPrinter(kind, env[name]);
    if (named) return named;
  }
  return legacy ?? defaultPrinterProfiles[kind];
}

/** Every kind's printer, as the settings screen shows them. */
export function stationPrinters(store: StationStore, env: NodeJS.ProcessEnv = process.env): Record<PrinterKind, PrinterProfile> {
  return Object.fromEntries(printerKinds.map((kind) => [kind, printerFor(store, kind, env)])) as Record<PrinterKind, PrinterProfile>;
}

/** Saves one kind's printer as the settings screen chose it (already checked against the kind by the contract). */
export function savePrinter(store: StationStore, kind: PrinterKind, profile: PrinterProfile): PrinterProfile {
  const saved = forKind(kind, { ...profile, id: kind });
  store.setSetting(printerSettingKey(kind), JSON.stringify(saved));
  return saved;
}

/** The SKU label media only means something for SKU labels; the other kinds keep the schema's default. */
function forKind(kind: PrinterKind, profile: PrinterProfile): PrinterProfile {
  if (kind === 'sku-labels') return profile;
  // A legacy ZPL label printer cannot take a document: documents then stay on their own default queue.
  if (kind === 'documents' && profile.format === 'zpl') return defaultPrinterProfiles.documents;
  return { ...profile, media: 'roll-50x30' };
}

/** `cups:<queue>[:zpl]` or `tcp:<host>:<port>[:zpl]` as a profile with this id; undefined for anything else. */
function namedPrinter(kind: PrinterKind, named: string | undefined): PrinterProfile | undefined {
  if (!named) return undefined;
  const [connection, first, second, third] = named.split(':');
  const zpl = [second, third].includes('zpl') && kind !== 'documents';
  if (connection === 'cups' && first) return printerProfileSchema.parse({ id: kind, name: first, kind: 'cups', queue: first, format: zpl ? 'zpl' : 'pdf' });
  if (connection === 'tcp' && first) {
    const port = Number(second);
    return printerProfileSchema.parse({
      id: kind,
      name: `${first}:${second}`,
      kind: 'raw-tcp',
      host: first,
      port: Number.isInteger(port) ? port : 9100,
      format: zpl ? 'zpl' : 'pdf',
    });
  }
  return undefined;
}

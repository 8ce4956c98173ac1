import { printerProfileSchema, type PrinterKind, type PrinterProfile } from '../../../shared/contract/printer-profile';

// The profile's shape is part of the station contract (the settings screen edits it), so it lives in shared/.
export { defaultRawTcpPort, printerProfileSchema, type PrinterProfile, type PrinterProfileInput } from '../../../shared/contract/printer-profile';

/**
 * What a new station starts with before anyone chose a printer: one local CUPS queue per kind, printing PDF. A queue
 * that does not exist fails the job at once with 'no-such-queue', which the screens show with a way to the settings.
 */
export const defaultPrinterProfiles: Readonly<Record<PrinterKind, PrinterProfile>> = {
  'sku-labels': printerProfileSchema.parse({ id: 'sku-labels', name: 'SKU labels', kind: 'cups', queue: 'qwms-labels' }),
  'shipping-labels': printerProfileSchema.parse({ id: 'shipping-labels', name: 'Shipping labels', kind: 'cups', queue: 'qwms-shipping-labels' }),
  documents: printerProfileSchema.parse({ id: 'documents', name: 'Documents (A4)', kind: 'cups', queue: 'qwms-documents' }),
};

/** How the queue names a printer in job status messages. */
export function describePrinter(profile: PrinterProfile): string {
  return profile.kind === 'cups' ? `CUPS queue ${profile.queue}${profile.server ? ` on ${profile.server}` : ''}` : `${profile.host}:${profile.port}`;
}

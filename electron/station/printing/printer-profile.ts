import { printerProfileSchema, type PrinterProfile } from '../../../shared/contract/printer-profile';

// The profile's shape is part of the station contract (the settings screen edits it), so it lives in shared/.
export { defaultRawTcpPort, printerProfileSchema, type PrinterProfile, type PrinterProfileInput } from '../../../shared/contract/printer-profile';

/** What a new station starts with: the label printer as a local CUPS queue named qwms-labels, printing PDF. */
export const defaultPrinterProfiles: PrinterProfile[] = [
  printerProfileSchema.parse({ id: 'labels', name: 'Label printer', kind: 'cups', queue: 'qwms-labels' }),
];

/** How the queue names a printer in job status messages. */
export function describePrinter(profile: PrinterProfile): string {
  return profile.kind === 'cups' ? `CUPS queue ${profile.queue}${profile.server ? ` on ${profile.server}` : ''}` : `${profile.host}:${profile.port}`;
}

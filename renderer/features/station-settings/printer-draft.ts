import type { LabelMedia, PrinterKind, PrinterProfile, SetPrinterInput } from '../../../shared/contract/printer-profile';

/** One kind's printer as the form edits it (text fields as typed). */
export interface PrinterDraft {
  name: string;
  connection: 'cups' | 'raw-tcp';
  queue: string;
  host: string;
  port: string;
  format: 'pdf' | 'zpl';
  media: LabelMedia;
}

export function draftOf(profile: PrinterProfile): PrinterDraft {
  return {
    name: profile.name,
    connection: profile.kind,
    queue: profile.kind === 'cups' ? profile.queue : '',
    host: profile.kind === 'raw-tcp' ? profile.host : '',
    port: profile.kind === 'raw-tcp' ? String(profile.port) : '9100',
    format: profile.format,
    media: profile.media,
  };
}

/** What the screen sends: the station checks it against the kind (a document printer takes PDF) and says what is wrong. */
export function setPrinterInput(kind: PrinterKind, draft: PrinterDraft): SetPrinterInput {
  const name = draft.name.trim() || (draft.connection === 'cups' ? draft.queue : draft.host) || kind;
  const common = { id: kind, name, format: draft.format, media: draft.media };
  return {
    kind,
    profile:
      draft.connection === 'cups'
        ? { ...common, kind: 'cups', queue: draft.queue }
        : { ...common, kind: 'raw-tcp', host: draft.host, port: Number(draft.port) },
  };
}

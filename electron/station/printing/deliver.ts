import { sendToCups } from './deliver-cups';
import { sendRawTcp } from './deliver-raw-tcp';
import { cupsMediaName } from './label-media';
import type { PrinterProfile } from './printer-profile';

export interface Delivery {
  /** The printing system's own id for the job (CUPS's request id), where there is one. */
  printerJobId: string | null;
}

/** Sends rendered bytes to the printer a profile names. Throws the errors of delivery-errors.ts. */
export async function deliver(profile: PrinterProfile, bytes: Buffer, title: string, timeoutMs: number): Promise<Delivery> {
  if (profile.kind === 'raw-tcp') {
    await sendRawTcp({ host: profile.host, port: profile.port }, bytes, timeoutMs);
    return { printerJobId: null };
  }
  const options =
    profile.format === 'zpl'
      ? ['raw']
      : // The page size is the label size already; CUPS must not scale it, or the bars stop being whole printer dots.
        [`media=${cupsMediaName(profile.media)}`, 'print-scaling=none'];
  const printerJobId = await sendToCups({ queue: profile.queue, server: profile.server, title, options }, bytes, timeoutMs);
  return { printerJobId };
}

import { sendToCups } from './deliver-cups';
import { PrinterConfigurationError } from './delivery-errors';
import { offersPage, pageName, queuePageSizes } from './queue-pages';
import { sendRawTcp } from './deliver-raw-tcp';
import type { PrinterProfile } from './printer-profile';

export interface Delivery {
  /** The printing system's own id for the job (CUPS's request id), where there is one. */
  printerJobId: string | null;
}

/**
 * Sends rendered bytes to the printer a profile names. Throws the errors of delivery-errors.ts. `cupsMedia` is the
 * page the job was rendered for (Custom.50x30mm, Custom.100x150mm, A4): it follows what is printed, not the printer
 * setting, so no kind of document ever goes out on another kind's paper.
 */
export async function deliver(profile: PrinterProfile, bytes: Buffer, title: string, timeoutMs: number, cupsMedia: string): Promise<Delivery> {
  if (profile.kind === 'raw-tcp') {
    await sendRawTcp({ host: profile.host, port: profile.port }, bytes, timeoutMs);
    return { printerJobId: null };
  }
  const options =
    profile.format === 'zpl'
      ? ['raw']
      : // The page size is the label size already; CUPS must not scale it, or the bars stop being whole printer dots.
        [`media=${cupsMedia}`, 'orientation-requested=3', 'print-scaling=none'];
  if (profile.format === 'pdf') {
    // A queue whose driver has no such page would print on its default paper: a fragment of a label, said as printed.
    const sizes = await queuePageSizes(profile.queue, profile.server, timeoutMs);
    if (sizes && !offersPage(sizes, cupsMedia)) {
      throw new PrinterConfigurationError(`CUPS queue ${profile.queue} offers no ${cupsMedia} page (it offers ${sizes.slice(0, 12).join(' ')}…)`, {
        code: 'wrong-page-size',
        params: { queue: profile.queue, page: pageName(cupsMedia) },
      });
    }
  }
  const printerJobId = await sendToCups({ queue: profile.queue, server: profile.server, title, options }, bytes, timeoutMs);
  return { printerJobId };
}

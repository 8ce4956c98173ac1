import type { PrintJobStatus } from '../../../shared/contract/schemas';
import type { PrinterProfile } from './printer-profile';
import type { ShippingLabel } from './shipping-label';
import type { SkuLabel } from './sku-label';

export type PrintJobState = PrintJobStatus['state'];

/** A job as the queue reports it: the contract's status (printer = the profile id) and what the operator may need. */
export interface PrintJob extends PrintJobStatus {
  labelCount: number;
  /** Labels that printed differently from their data (shortened names, characters the font lacks). */
  warnings: string[];
  createdAt: string;
  finishedAt: string | null;
  /** Delivery attempts so far. */
  attempts: number;
  /** The printing system's id for the job (CUPS's request id), once it has one. */
  printerJobId: string | null;
  /** The job this one prints again, for a reprint. */
  reprintOf: string | null;
}

/** What is kept of a job so it can be sent after a restart and printed again later. */
export interface StoredPrintJob extends PrintJob {
  /** Orders jobs created within the same millisecond. */
  sequence: number;
  profile: PrinterProfile;
  labels: SkuLabel[];
  /** A shipping-label job: these labels (its `labels` is then empty). */
  shippingLabels?: ShippingLabel[];
  /**
   * A finished document (an A4 manifest) printed as it is: its bytes are the job's payload file, nothing is rendered
   * again, and `labelCount` is its number of pages.
   */
  pdfDocument?: { title: string };
}

export const finishedStates: ReadonlySet<PrintJobState> = new Set(['done', 'failed']);

export function toPrintJob(stored: StoredPrintJob): PrintJob {
  const { sequence: _sequence, profile, labels: _labels, shippingLabels: _shippingLabels, pdfDocument: _pdfDocument, ...job } = stored;
  return { ...job, destination: destinationOf(profile), warnings: [...job.warnings] };
}

/** The printer as the settings screen names it: a CUPS queue, or host:port. */
export function destinationOf(profile: PrinterProfile): string {
  return profile.kind === 'cups' ? profile.queue : `${profile.host}:${profile.port}`;
}

export function toStatus(job: PrintJob): PrintJobStatus {
  return {
    jobId: job.jobId,
    printer: job.printer,
    state: job.state,
    message: job.message,
    reason: job.reason ?? null,
    kind: job.kind ?? null,
    document: job.document ?? null,
    dismissed: job.dismissed ?? false,
    ...(job.destination === undefined ? {} : { destination: job.destination }),
  };
}

import type { TFunction } from 'i18next';
import type { PrintJobStatus } from '../../../shared/contract/schemas';

/** How a screen reads a job: printed, not yet (queued, sending, waiting for its printer), or failed. */
export type PrintOutcome = 'done' | 'waiting' | 'failed';

export function printOutcome(job: Pick<PrintJobStatus, 'state'>): PrintOutcome {
  if (job.state === 'done') return 'done';
  return job.state === 'failed' ? 'failed' : 'waiting';
}

/** The job's reason in the user's language (never the printing system's English, which stays in `message`). */
export function printReasonText(t: TFunction, job: PrintJobStatus): string {
  if (!job.reason) return job.state === 'failed' ? t('printing.reasons.printer-error') : '';
  return t(`printing.reasons.${job.reason.code}`, job.reason.params);
}

/** What the job prints, in the user's language; `fallback` where the job does not say (a status from an older station). */
export function printDocumentText(t: TFunction, job: PrintJobStatus, fallback: PrintJobStatus['document'] = null): string {
  const document = job.document ?? fallback;
  return document ? t(`printing.documents.${document}`) : t('printing.documents.test-page');
}

/** One sentence for a job that has not printed: failed with its reason, or waiting (with the reason it waits, if any). */
export function printProblemText(t: TFunction, job: PrintJobStatus, fallback: PrintJobStatus['document'] = null): string {
  const document = printDocumentText(t, job, fallback);
  const reason = printReasonText(t, job);
  return printOutcome(job) === 'failed' ? t('printing.failed', { document, reason }) : t('printing.waiting', { document, reason }).trim();
}

/** The printer as the settings name it (its CUPS queue or host:port), else its kind in the user's language. */
export function printerName(t: TFunction, job: PrintJobStatus): string {
  return job.destination ?? (job.kind ? t(`printing.kinds.${job.kind}`) : job.printer);
}

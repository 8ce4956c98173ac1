import { z } from 'zod';

/**
 * Why a print job failed or waits, as a code the screen translates (never lp's or CUPS's English on a Japanese
 * screen). The raw text of the printing system stays in the job's `message`, for the log and for support.
 */
export const printReasonCodes = [
  /** The CUPS queue named in the settings does not exist on this machine (a configuration failure). */
  'no-such-queue',
  /** The queue's driver offers no page of the document's size (a label roll queue chosen for A4, …): it would print wrong. */
  'wrong-page-size',
  /** lp is not installed (cups-client). */
  'lp-missing',
  /** The CUPS scheduler is not running: the job waits and goes out when it is. */
  'cups-not-running',
  /** The queue exists but refuses jobs now (disabled, rejecting, another server unreachable): the job waits. */
  'queue-not-accepting',
  /** The raw port printer did not answer, refused or dropped the connection: the job waits. */
  'printer-unreachable',
  /** lp or the printer did not answer in time: the job waits. */
  'timeout',
  /** A PDF document sent to a printer set up for ZPL only. */
  'zpl-cannot-print-document',
  /** The printer setting or the labels were not valid (details in the message). */
  'bad-input',
  /** The document could not be rendered, or its file is gone (details in the message). */
  'render-failed',
  /** The job could not be kept on the station's disk, so it was not queued. */
  'disk',
  'cancelled',
  /** Anything else the printing system said (its words in the message). */
  'printer-error',
] as const;
export const printReasonCodeSchema = z.enum(printReasonCodes);
export type PrintReasonCode = z.infer<typeof printReasonCodeSchema>;

export const printReasonSchema = z.object({
  code: printReasonCodeSchema,
  /** Values the sentence names: the queue, the printer's host, … */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PrintReason = z.infer<typeof printReasonSchema>;

import type { PrintReason } from '../../../shared/contract/print-job-reason';

/**
 * Why a job did not reach its printer. The queue keeps a job whose printer is unavailable (off, out of paper and
 * refusing, unplugged from the network, CUPS not running) and tries again; a job that can never print as asked
 * (no such queue, no lp on this machine) fails with the reason so the operator can fix the profile and reprint.
 * Each carries a reason code the screens translate; the message keeps the printing system's own words for the log.
 */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
  constructor(
    message: string,
    readonly reason: PrintReason,
  ) {
    super(message);
  }
}

export class PrinterConfigurationError extends Error {
  override readonly name = 'PrinterConfigurationError';
  constructor(
    message: string,
    readonly reason: PrintReason,
  ) {
    super(message);
  }
}

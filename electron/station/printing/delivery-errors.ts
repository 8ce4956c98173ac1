/**
 * Why a job did not reach its printer. The queue keeps a job whose printer is unavailable (off, out of paper and
 * refusing, unplugged from the network, CUPS not running) and tries again; a job that can never print as asked
 * (no such queue, no lp on this machine) fails with the reason so the operator can fix the profile and reprint.
 */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
}

export class PrinterConfigurationError extends Error {
  override readonly name = 'PrinterConfigurationError';
}

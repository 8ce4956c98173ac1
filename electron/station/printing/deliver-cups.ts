import { PrinterConfigurationError, PrinterUnavailableError } from './delivery-errors';
import { CommandNotFoundError, CommandTimeoutError, runCommand } from './run-command';

export interface CupsSubmission {
  queue: string;
  /** CUPS server (host or host:port) other than the local one. */
  server: string | null;
  /** Shown in the CUPS queue and in cups-pdf's file names. */
  title: string;
  /** `-o` options, e.g. media=Custom.50x30mm or raw. */
  options: string[];
}

/** lp says "request id is labels-42 (0 file(s))" (or "(1 file(s))" for a named file). */
const requestIdPattern = /request id is (\S+)/;
// lp's message for a queue it cannot find, which it also gives when the CUPS scheduler is not running at all.
const noSuchQueue = /does not exist|unknown destination|not a valid destination|no default destination/i;

/**
 * Hands a job to CUPS with `lp`, the document on lp's standard input. Done means CUPS has accepted and spooled it:
 * from there CUPS owns the job (its own retries, its queue, lpstat). Resolves with CUPS's job id.
 */
export async function sendToCups(submission: CupsSubmission, bytes: Buffer, timeoutMs: number): Promise<string> {
  const server = submission.server ? ['-h', submission.server] : [];
  const args = [...server, '-d', submission.queue, '-t', submission.title, ...submission.options.flatMap((option) => ['-o', option])];
  const result = await runCups('lp', args, bytes, timeoutMs);
  const said = oneLine(result.stderr || result.stdout);
  if (result.code === 0) {
    const jobId = requestIdPattern.exec(result.stdout)?.[1];
    if (!jobId) throw new PrinterUnavailableError(`lp gave no job id: ${said || 'no output'}`, { code: 'printer-error', params: { queue: submission.queue } });
    return jobId;
  }
  if (noSuchQueue.test(said)) {
    const scheduler = await runCups('lpstat', [...server, '-r'], null, timeoutMs);
    if (/not running/i.test(scheduler.stdout + scheduler.stderr))
      throw new PrinterUnavailableError('the CUPS scheduler is not running', { code: 'cups-not-running', params: {} });
    throw new PrinterConfigurationError(`CUPS has no queue "${submission.queue}" (${said})`, { code: 'no-such-queue', params: { queue: submission.queue } });
  }
  // "not accepting jobs", "Unable to connect to server", …: the queue exists but cannot take the job now.
  throw new PrinterUnavailableError(said || `lp exited with code ${result.code}`, { code: 'queue-not-accepting', params: { queue: submission.queue } });
}

/** Runs a CUPS command in the C locale: its messages are matched in English here, whatever the station's language. */
export async function runCups(command: string, args: string[], input: Buffer | null, timeoutMs: number) {
  try {
    return await runCommand(command, args, input, timeoutMs, { ...process.env, LC_ALL: 'C', LANG: 'C' });
  } catch (error) {
    if (error instanceof CommandNotFoundError)
      throw new PrinterConfigurationError(`${error.message} (Debian/Ubuntu: apt-get install cups-client)`, { code: 'lp-missing', params: {} });
    if (error instanceof CommandTimeoutError)
      throw new PrinterUnavailableError(`${error.message}: is the CUPS scheduler hung?`, { code: 'timeout', params: { printer: command } });
    throw new PrinterUnavailableError(`could not run ${command}: ${error instanceof Error ? error.message : String(error)}`, {
      code: 'printer-error',
      params: {},
    });
  }
}

function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

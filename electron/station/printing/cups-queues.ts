import type { CupsQueue, CupsQueueList } from '../../../shared/contract/printer-profile';
import { runCups } from './deliver-cups';
import { PrinterConfigurationError } from './delivery-errors';

/**
 * The queues of `lpstat -e` (one name a line) with their state from `lpstat -p -d` (run in the C locale):
 *   printer NAME is idle.  enabled since …
 *   printer NAME disabled since … -
 *   	Rejecting Jobs
 *   system default destination: NAME   (or "no system default destination")
 * A queue `-e` lists that `-p` does not describe (a class, a remote destination) is kept with state 'unknown'.
 */
export function parseLpstat(destinations: string, printers: string): CupsQueue[] {
  const states = new Map<string, CupsQueue['state']>();
  for (const line of printers.split('\n')) {
    const match = /^printer (\S+) (?:is (idle|printing)|(disabled))/.exec(line);
    if (match) states.set(match[1]!, (match[2] ?? match[3]) as CupsQueue['state']);
    else if (/^printer (\S+) now printing/.test(line)) states.set(/^printer (\S+)/.exec(line)![1]!, 'printing');
  }
  const fallbackDefault = /^system default destination: (\S+)/m.exec(printers)?.[1] ?? null;
  const names = destinations
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.includes(' '));
  // `lpstat -e` may miss nothing `-p` knows, but a short answer must not hide a printer either.
  for (const name of states.keys()) if (!names.includes(name)) names.push(name);
  return names.map((name) => ({ name, state: states.get(name) ?? 'unknown', isDefault: name === fallbackDefault }));
}

/** This machine's CUPS queues, run from the station (never the renderer): empty and `available: false` with why. */
export async function listCupsQueues(timeoutMs = 10_000): Promise<CupsQueueList> {
  try {
    const status = await runCups('lpstat', ['-r'], null, timeoutMs);
    if (!/scheduler is running/i.test(status.stdout)) return { available: false, reason: 'cups-not-running', queues: [] };
    const destinations = await runCups('lpstat', ['-e'], null, timeoutMs);
    const printers = await runCups('lpstat', ['-p', '-d'], null, timeoutMs);
    return { available: true, reason: null, queues: parseLpstat(destinations.stdout, printers.stdout) };
  } catch (error) {
    if (error instanceof PrinterConfigurationError) return { available: false, reason: 'lp-missing', queues: [] };
    return { available: false, reason: 'cups-not-running', queues: [] };
  }
}

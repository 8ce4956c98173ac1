import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A real CUPS for the printing tests: the running scheduler, or one started here (as root, in the foreground, ended by
 * its pid afterwards), with a cups-pdf queue (a printer that writes PDF files) and raw socket queues to listeners.
 * When CUPS cannot run here, `unavailable` says why, and the tests say they were skipped.
 */
export interface CupsForTests {
  /** Where cups-pdf writes what it prints (its `Out` setting, for the user the tests run as). */
  pdfOutputDirs: string[];
  addPdfQueue(name: string): void;
  addRawSocketQueue(name: string, port: number): void;
  /** A queue on one of CUPS's own drivers (`lpinfo -m`, e.g. drv:///sample.drv/dymo.ppd) to a port nothing listens on. */
  addDriverQueue(name: string, model: string): void;
  close(): Promise<void>;
}

const cupsdCandidates = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'];
const cupsPdfBackend = '/usr/lib/cups/backend/cups-pdf';
const cupsPdfPpds = ['lsb/usr/cups-pdf/CUPS-PDF_opt.ppd', 'lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd'];
const install = 'apt-get install -y cups cups-bsd cups-client printer-driver-cups-pdf';

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

function schedulerRunning(): boolean {
  return /scheduler is running/.test(run('lpstat', ['-r']).output);
}

export async function startCupsForTests(): Promise<CupsForTests | { unavailable: string }> {
  for (const tool of ['lp', 'lpstat', 'lpadmin']) {
    if (!run('which', [tool]).ok) return { unavailable: `${tool} is not installed (${install})` };
  }
  if (!existsSync(cupsPdfBackend)) return { unavailable: `the cups-pdf backend is not installed (${install})` };

  let started: ChildProcess | null = null;
  if (!schedulerRunning()) {
    const cupsd = cupsdCandidates.find((path) => existsSync(path));
    if (!cupsd) return { unavailable: `the CUPS scheduler is not running and cupsd is not installed (${install})` };
    if (process.getuid?.() !== 0) return { unavailable: 'the CUPS scheduler is not running, and only root can start it' };
    started = spawn(cupsd, ['-f'], { stdio: 'ignore' });
    const deadline = Date.now() + 15_000;
    while (!schedulerRunning()) {
      if (started.exitCode !== null || Date.now() > deadline) {
        started.kill();
        return { unavailable: `cupsd -f did not start (exit code ${started.exitCode ?? 'none, timed out'}): see /var/log/cups/error_log` };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const queues: string[] = [];
  const stopStarted = async (): Promise<void> => {
    if (!started || started.exitCode !== null) return;
    const exited = new Promise((resolve) => started!.once('exit', resolve));
    started.kill('SIGTERM');
    await exited;
  };
  const addQueue = (name: string, args: string[]): void => {
    const result = run('lpadmin', ['-p', name, '-E', ...args]);
    if (!result.ok) throw new Error(`lpadmin could not add the queue ${name}: ${result.output}`);
    queues.push(name);
  };
  const addPdfQueue = (name: string): string | null => {
    let lastError = '';
    for (const ppd of cupsPdfPpds) {
      const result = run('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-m', ppd]);
      if (result.ok) {
        queues.push(name);
        return null;
      }
      lastError = result.output;
    }
    return lastError;
  };

  // Adding a queue needs root or the lpadmin group: find out now, so a workstation without the right says "skipped".
  const refused = addPdfQueue('qwms-test-probe');
  if (refused !== null) {
    await stopStarted();
    return { unavailable: `lpadmin could not add a cups-pdf queue (root or the lpadmin group is needed): ${refused}` };
  }

  return {
    pdfOutputDirs: cupsPdfOutputDirs(),
    addPdfQueue(name) {
      const error = addPdfQueue(name);
      if (error !== null) throw new Error(`lpadmin could not add the cups-pdf queue ${name}: ${error}`);
    },
    addRawSocketQueue(name, port) {
      // No driver (-m): a raw queue, which passes the job's bytes through untouched, as a ZPL printer needs.
      addQueue(name, ['-v', `socket://127.0.0.1:${port}`]);
    },
    addDriverQueue(name, model) {
      addQueue(name, ['-v', 'socket://127.0.0.1:9', '-m', model]);
    },
    async close() {
      for (const name of queues) run('lpadmin', ['-x', name]);
      await stopStarted();
    },
  };
}

/** cups-pdf's `Out` directory (default ${HOME}/PDF), and where it puts jobs of users it does not know. */
function cupsPdfOutputDirs(): string[] {
  const config = existsSync('/etc/cups/cups-pdf.conf') ? readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : '';
  const setting = (key: string, fallback: string) => new RegExp(`^\\s*${key}\\s+(\\S+)`, 'm').exec(config)?.[1] ?? fallback;
  const out = setting('Out', '${HOME}/PDF')
    .replace('${HOME}', homedir())
    .replace('${USER}', process.env.USER ?? 'root');
  return [out, setting('AnonDirName', '/var/spool/cups-pdf/ANONYMOUS')].map((dir) => (dir.startsWith('/') ? dir : join('/', dir)));
}

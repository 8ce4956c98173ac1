import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../../electron/station/web-host/start.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface EmbeddedStationProcess {
  /** The station's web address. */
  url: string;
  /** Its own hub's address, as the station printed it when ready. */
  hubUrl: string;
  /** What the station printed so far (its hub's lines included). */
  output(): string;
  /** Process ids of `qwms hub` processes serving this data folder (the embedded hub, normally one). */
  hubPids(): number[];
  stop(): Promise<void>;
}

/**
 * `npm run start:web` exactly as a single-PC warehouse runs it: no QWMS_HUB_URL, so the station starts its own hub in
 * a child process (SQLite and demo warehouse in the data folder). One node process with tsx's loader, as in
 * station-process.ts.
 */
export async function startEmbeddedStationProcess(dataDir: string): Promise<EmbeddedStationProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, QWMS_DATA_DIR: dataDir };
  delete env.QWMS_HUB_URL;
  delete env.QWMS_STATION_ID;
  delete env.QWMS_STATION_SECRET;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', startScript, '--port', '0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const take = (data: Buffer) => {
      output += data.toString();
      const match = /ready: open (http:\/\/\S+)\s+\(hub: (http:\/\/[^\s,;]+), embedded/.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then(() => reject(new Error(`the station exited before it was ready: ${output}`)));
  });
  return {
    url: ready[1] as string,
    hubUrl: ready[2] as string,
    output: () => output,
    hubPids() {
      // Linux: a process's arguments in /proc; the hub is the one running `qwms hub --db <this folder>/hub.sqlite`.
      return readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
          try {
            const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
            return args.includes('hub') && args.some((arg) => arg.startsWith(dataDir) && arg.endsWith('hub.sqlite'));
          } catch {
            return false; // gone while we looked
          }
        })
        .map(Number);
    },
    async stop() {
      child.kill('SIGTERM');
      // A clean stop takes well under a second; one that hangs is reported with the station's output, then ended
      // outright (its hub follows when its stdin closes) so one slow teardown does not fail the test after it.
      const hung = setTimeout(() => {
        console.warn(`the station did not stop within 20 s of SIGTERM; killing it. Its output:\n${output.slice(-4000)}`);
        child.kill('SIGKILL');
      }, 20_000);
      await exited;
      clearTimeout(hung);
    },
  };
}

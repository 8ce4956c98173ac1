import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../../electron/station/web-host/start.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface StationProcess {
  url: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm run start:web`'s station as its own process, joined to a given hub, so a test can kill it the hard way. */
export async function startStationProcess(env: { dataDir: string; hubUrl: string; stationId: string; secret: string }): Promise<StationProcess> {
  // One process (node with tsx's loader), not the tsx CLI, which runs the station in a child of its own: a SIGKILL
  // must reach the station itself, or "killed" stations live on as orphans holding their database.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', startScript, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, QWMS_DATA_DIR: env.dataDir, QWMS_HUB_URL: env.hubUrl, QWMS_STATION_ID: env.stationId, QWMS_STATION_SECRET: env.secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const take = (data: Buffer) => {
      output += data.toString();
      const match = /ready: open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then(() => reject(new Error(`the station exited before it was ready: ${output}`)));
    child.once('error', (error) => reject(new Error(`the station could not be started: ${error.message}`)));
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { embeddedHubArgs, waitForHubUrl } from './embedded-hub-args';
import type { StationIdentity } from './station-identity';

export interface EmbeddedHub {
  url: string;
  stop(): Promise<void>;
}

const qwmsCli = fileURLToPath(new URL('../../../bin/qwms.mjs', import.meta.url));

/** Web mode's embedded hub: `qwms hub` as a child process (Electron runs the same in a utilityProcess). */
export async function startHubChildProcess(dataDir: string, identity: StationIdentity, log: (line: string) => void): Promise<EmbeddedHub> {
  // Our end of its stdin stays open while this process lives: if the station dies, the hub sees EOF and stops.
  const child: ChildProcess = spawn(process.execPath, [qwmsCli, ...embeddedHubArgs(dataDir, identity), '--exit-with-stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await waitForHubUrl(child, exited, log);
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

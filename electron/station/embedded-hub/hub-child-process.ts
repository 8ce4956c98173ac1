import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { embeddedHubArgs, embeddedHubEnv, waitForHubUrl } from './embedded-hub-args';
import { superviseEmbeddedHub, type EmbeddedHub, type HubExit, type HubProcessHandle } from './hub-supervisor';
import type { StationIdentity } from './station-identity';

export type { EmbeddedHub } from './hub-supervisor';

const qwmsCli = fileURLToPath(new URL('../../../bin/qwms.mjs', import.meta.url));

/**
 * Web mode's embedded hub: `qwms hub` as a child process (Electron runs the same in a utilityProcess), started again
 * on the same port whenever it dies.
 */
export function startHubChildProcess(dataDir: string, identity: StationIdentity, log: (line: string) => void): Promise<EmbeddedHub> {
  return superviseEmbeddedHub((port) => launchHubChild(dataDir, identity, port, log), { log });
}

async function launchHubChild(dataDir: string, identity: StationIdentity, port: number, log: (line: string) => void): Promise<HubProcessHandle> {
  // Our end of its stdin stays open while this process lives: if the station dies, the hub sees EOF and stops.
  const child: ChildProcess = spawn(process.execPath, [qwmsCli, ...embeddedHubArgs(dataDir, identity, port), '--exit-with-stdin'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: embeddedHubEnv(identity),
  });
  const exited = new Promise<HubExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  log(`[hub] started as process ${child.pid}`);
  const url = await waitForHubUrl(
    child,
    exited.then((exit) => exit.code),
    log,
  );
  return {
    url,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

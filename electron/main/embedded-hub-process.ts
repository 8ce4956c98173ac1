import path from 'node:path';
import { utilityProcess } from 'electron';
import { embeddedHubArgs, waitForHubUrl } from '../station/embedded-hub/embedded-hub-args';
import type { EmbeddedHub } from '../station/embedded-hub/hub-child-process';
import type { StationIdentity } from '../station/embedded-hub/station-identity';

/**
 * The embedded hub of a single-PC warehouse, in an Electron utilityProcess (its own Node process, so a busy hub
 * never stalls the window); web mode runs the same `qwms hub` command as a child process.
 */
export async function startHubUtilityProcess(appRoot: string, dataDir: string, identity: StationIdentity, log: (line: string) => void): Promise<EmbeddedHub> {
  const child = utilityProcess.fork(path.join(appRoot, 'dist', 'electron', 'hub.cjs'), embeddedHubArgs(dataDir, identity), {
    stdio: 'pipe',
    serviceName: 'QWMS hub',
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await waitForHubUrl(child, exited, log);
  return {
    url,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

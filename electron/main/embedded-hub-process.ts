import path from 'node:path';
import { utilityProcess } from 'electron';
import { embeddedHubArgs, embeddedHubEnv, waitForHubUrl } from '../station/embedded-hub/embedded-hub-args';
import { superviseEmbeddedHub, type EmbeddedHub, type HubExit } from '../station/embedded-hub/hub-supervisor';
import type { StationIdentity } from '../station/embedded-hub/station-identity';

/**
 * The embedded hub of a single-PC warehouse, in an Electron utilityProcess (its own Node process, so a busy hub
 * never stalls the window); web mode runs the same `qwms hub` command as a child process. Both are restarted on the
 * same port when the hub dies (embedded-hub/hub-supervisor.ts).
 */
export function startHubUtilityProcess(appRoot: string, dataDir: string, identity: StationIdentity, log: (line: string) => void): Promise<EmbeddedHub> {
  return superviseEmbeddedHub(
    async (port) => {
      const child = utilityProcess.fork(path.join(appRoot, 'dist', 'electron', 'hub.cjs'), embeddedHubArgs(dataDir, identity, port), {
        stdio: 'pipe',
        serviceName: 'QWMS hub',
        // The station secret goes in the environment, never the arguments (see embeddedHubArgs).
        env: embeddedHubEnv(identity),
      });
      // A utilityProcess reports only its exit code (a crash or kill shows as a non-zero code).
      const exited = new Promise<HubExit>((resolve) => child.once('exit', (code) => resolve({ code, signal: null })));
      const url = await waitForHubUrl(
        child,
        exited.then((exit) => exit.code),
        log,
      );
      return {
        url,
        exited,
        async stop() {
          child.kill();
          await exited;
        },
      };
    },
    { log },
  );
}

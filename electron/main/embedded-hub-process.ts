import path from 'node:path';
import { utilityProcess } from 'electron';
import { embeddedHubArgs, hubUrlFrom } from '../station/embedded-hub/embedded-hub-args';
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
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const take = (data: Buffer) => {
      output += data.toString();
      for (const line of data.toString().split('\n').filter(Boolean)) log(`[hub] ${line}`);
      const found = hubUrlFrom(output);
      if (found) resolve(found);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then((code) => reject(new Error(`the embedded hub stopped before it was ready (exit ${code}): ${output.trim()}`)));
  });
  return {
    url,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

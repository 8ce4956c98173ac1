import { join } from 'node:path';
import type { StationIdentity } from './station-identity';

/**
 * The `qwms hub` arguments of a station's own hub: SQLite beside the station's data, on a loopback port: any free one
 * at first (0), then the port it had when it is started again, so the station's hub URL stays valid. The station's
 * secret is not among them: any user of the PC can read a process's command line (/proc/<pid>/cmdline, ps), so it
 * goes in the child's environment (embeddedHubEnv), which only this user can read.
 */
export function embeddedHubArgs(dataDir: string, identity: StationIdentity, port = 0): string[] {
  return ['hub', '--db', join(dataDir, 'hub.sqlite'), '--port', String(port), '--station', `${identity.stationId}:${identity.branchCode}`, '--demo'];
}

/** The embedded hub's environment: this process's, plus the station secret `qwms hub --station` reads. */
export function embeddedHubEnv(identity: StationIdentity, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, QWMS_STATION_SECRET: identity.secret };
}

/** The hub prints `QWMS hub ready at <url>` once it listens; anything before that is its start-up log. */
export function hubUrlFrom(output: string): string | null {
  return /QWMS hub ready at (http:\/\/\S+)/.exec(output)?.[1] ?? null;
}

/**
 * Waits for a starting hub process (child process or Electron utilityProcess) to say where it listens, passing its
 * output on to `log`; fails with that output if the process ends first.
 */
/** Just what is read of a process's output: Node streams and Electron's utilityProcess streams both fit. */
interface OutputStream {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
}

export function waitForHubUrl(
  output: { stdout: OutputStream | null; stderr: OutputStream | null },
  exited: Promise<number | null>,
  log: (line: string) => void,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    const take = (data: Buffer) => {
      seen += data.toString();
      for (const line of data.toString().split('\n').filter(Boolean)) log(`[hub] ${line}`);
      const found = hubUrlFrom(seen);
      if (found) resolve(found);
    };
    output.stdout?.on('data', take);
    output.stderr?.on('data', take);
    void exited.then((code) => reject(new Error(`the embedded hub stopped before it was ready (exit ${code}): ${seen.trim()}`)));
  });
}

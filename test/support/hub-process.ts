import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/qwms.mjs', import.meta.url));

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** kill -9: no shutdown, no flush, as a power cut would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The hub as its own process (`qwms hub`), so a test can kill it the hard way. */
export async function startHubProcess(options: { database: string; port: number; station?: string }): Promise<HubProcess> {
  const args = [cli, 'hub', '--db', options.database, '--port', String(options.port)];
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.station) {
    // `id:secret:branch` for the test's convenience; the hub takes the secret from its environment, never argv.
    const [id, secret, branch] = options.station.split(':');
    args.push('--station', `${id}:${branch}`);
    env.QWMS_STATION_SECRET = secret;
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
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

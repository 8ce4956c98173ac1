import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { identityFileName } from '../../electron/station/embedded-hub/station-identity';
import type { ServerMessage } from '../../shared/contract/wire';
import { startEmbeddedStationProcess, type EmbeddedStationProcess } from '../support/embedded-station-process';
import { StationSocket } from '../support/station-socket';
import { waitUntil } from '../support/wait-until';

const qwmsCli = fileURLToPath(new URL('../../bin/qwms.mjs', import.meta.url));

describe('the station secret of an embedded hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-secret-'));
  let station: EmbeddedStationProcess | null = null;
  afterAll(async () => {
    await station?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('reaches the hub (the station goes online) without being on its command line or in the station log', async () => {
    station = await startEmbeddedStationProcess(dir);
    const socket = await StationSocket.open(station.url);
    // Online means the hub took this station's secret: every request carries it.
    await waitUntil(
      async () => {
        const answer = (await socket.call('station.status', {})) as Extract<ServerMessage, { type: 'result' }>;
        return answer.ok && (answer.output as { hub: { state: string } }).hub.state === 'online';
      },
      'the station online with its hub',
      60_000,
    );
    socket.close();
    const { secret, stationId } = JSON.parse(readFileSync(join(dir, identityFileName), 'utf8')) as { secret: string; stationId: string };
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const [hubPid, ...others] = station.hubPids();
    expect(others).toEqual([]);
    // What any user of the PC can read with ps.
    const cmdline = readFileSync(`/proc/${hubPid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain(`${stationId}:0000011520`);
    expect(cmdline.join(' ')).not.toContain(secret);
    expect(station.output()).toContain('ready: open');
    expect(station.output()).not.toContain(secret);
  }, 120_000);

  it('qwms hub refuses the old --station id:secret:branch form without repeating it, and opens no database', async () => {
    const database = join(dir, 'refused.sqlite');
    const hub = spawn(process.execPath, [qwmsCli, 'hub', '--db', database, '--port', '0', '--station', 'st-old:not-for-argv-123:0000011520'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    hub.stdout.on('data', (data: Buffer) => (output += data.toString()));
    hub.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const code = await new Promise<number | null>((resolve) => hub.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('--station no longer takes the secret');
    expect(output).toContain('QWMS_STATION_SECRET');
    expect(output).not.toContain('not-for-argv-123');
    expect(existsSync(database)).toBe(false);
  }, 60_000);
});

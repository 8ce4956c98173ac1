import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStation, type Station } from '../../electron/station/station';
import { startWebHost } from '../../electron/station/web-host/web-host';

export const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface RunningWebStation {
  station: Station;
  url: string;
  stop(): Promise<void>;
}

/** A real station and web host on a free loopback port, with its own data folder; what `npm run start:web` runs. */
export async function startWebStation(): Promise<RunningWebStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qwms-station-'));
  const station = await startStation({ dataDir, log: () => {} });
  const host = await startWebHost({ station, rendererDir });
  return {
    station,
    url: host.url,
    async stop() {
      await host.close();
      await station.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

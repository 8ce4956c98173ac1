import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stationIdentity } from '../../electron/station/embedded-hub/station-identity';
import { startStation, type Station } from '../../electron/station/station';
import { startWebHost } from '../../electron/station/web-host/web-host';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub, type RunningHub } from '../../server/hub/start-hub';
import { registerStation } from '../../server/services/stations';

export const rendererDir = process.env.QWMS_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface RunningWebStation {
  station: Station;
  hub: RunningHub;
  url: string;
  /** Starts the hub again on its old port and database, after a test stopped it with `hub.close()`. */
  restartHub(): Promise<RunningHub>;
  /** Closes the web host and starts a new one (a new launch: a new socket token) on the same port. */
  restartHost(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What `npm run start:web` runs — a hub with the demo warehouse, a station synced with it, the web host — on free
 * loopback ports with throwaway data folders. (The hub runs in this process here; start:web puts it in a child.)
 */
export async function startWebStation(options: { clock?: () => Date } = {}): Promise<RunningWebStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qwms-station-'));
  const hub = await startHub({ database: join(dataDir, 'hub.sqlite') });
  await loadDemoData(hub.store);
  const identity = stationIdentity(dataDir, {});
  await registerStation(hub.store.db, { id: identity.stationId, name: 'test station', branchCode: identity.branchCode, secret: identity.secret });
  const station = await startStation({
    dataDir,
    hub: { url: hub.url, stationId: identity.stationId, secret: identity.secret },
    branchCode: identity.branchCode,
    log: () => {},
    hubPollMs: 1000,
    clock: options.clock,
  });
  let host = await startWebHost({ station, rendererDir });
  const running: RunningWebStation = {
    station,
    hub,
    url: host.url,
    async restartHub() {
      running.hub = await startHub({ database: join(dataDir, 'hub.sqlite'), port: Number(new URL(hub.url).port) });
      return running.hub;
    },
    async restartHost() {
      await host.close();
      host = await startWebHost({ station, rendererDir, port: Number(new URL(host.url).port) });
    },
    async stop() {
      await host.close();
      await station.close();
      await running.hub.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return running;
}

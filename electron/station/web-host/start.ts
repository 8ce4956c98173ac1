import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHubChildProcess, type EmbeddedHub } from '../embedded-hub/hub-child-process';
import { stationIdentity } from '../embedded-hub/station-identity';
import { startStation } from '../station';
import { webModeDataDir } from './data-dir';
import { startWebHost } from './web-host';

/**
 * `npm run start:web`: the whole station in plain Node, its window in any browser. Without QWMS_HUB_URL the station
 * runs its own hub (SQLite beside its data, demo warehouse on first run) in a child process, restarted on the same
 * port if it dies.
 */
const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.QWMS_PORT ?? '4810' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const dataDir = webModeDataDir();
const identity = stationIdentity(dataDir);
// Read once: nothing this station starts (lp, its hub) inherits the secret unless given it on purpose.
delete process.env.QWMS_STATION_SECRET;
let embedded: EmbeddedHub | null = null;
if (!process.env.QWMS_HUB_URL) {
  embedded = await startHubChildProcess(dataDir, identity, (line) => console.log(line));
}
const hubUrl = process.env.QWMS_HUB_URL ?? embedded!.url;
const station = await startStation({
  dataDir,
  hub: { url: hubUrl, stationId: identity.stationId, secret: identity.secret },
  branchCode: identity.branchCode,
  embeddedHub: embedded,
});
const host = await startWebHost({
  station,
  port,
  rendererDir: process.env.QWMS_RENDERER_DIR ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url)),
});
console.log(`QWMS Floor (web mode) is ready: open ${host.url}  (hub: ${hubUrl}${embedded ? ', embedded' : ''}; data: ${dataDir})`);

const stop = async () => {
  await host.close();
  await station.close();
  await embedded?.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

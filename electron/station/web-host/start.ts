import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStation } from '../station';
import { webModeDataDir } from './data-dir';
import { startWebHost } from './web-host';

/** `npm run start:web`: the whole station in plain Node, its window in any browser. */
const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.QWMS_PORT ?? '4810' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const station = await startStation({ dataDir: webModeDataDir() });
const host = await startWebHost({
  station,
  port,
  rendererDir: fileURLToPath(new URL('../../../dist/renderer', import.meta.url)),
});
console.log(`QWMS Floor (web mode) is ready: open ${host.url}`);

const stop = async () => {
  await host.close();
  await station.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

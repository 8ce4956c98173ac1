import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a web-mode station keeps its data when QWMS_DATA_DIR does not say (Electron uses app.getPath('userData')). */
export function webModeDataDir(): string {
  const dir = process.env.QWMS_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'qwms-floor');
  mkdirSync(dir, { recursive: true });
  return dir;
}

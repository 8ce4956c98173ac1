import { homedir } from 'node:os';
import { join } from 'node:path';

/** `--db`, else QWMS_DATABASE_URL, else a SQLite file in the user's data folder. */
export function defaultDatabase(): string {
  return process.env.QWMS_DATABASE_URL ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'qwms-hub', 'hub.sqlite');
}

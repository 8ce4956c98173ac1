import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openHubStore, type HubStore } from '../../server/storage/database';
import { createPostgresDatabase } from '../../server/storage/postgres-admin';
import type { Dialect } from '../../server/storage/dialect';

export interface StoreFactory {
  dialect: Dialect;
  /** A new, empty database of this dialect, migrated unless told otherwise; removed by `dispose`. */
  location(): Promise<string>;
  open(options?: { migrate?: boolean }): Promise<HubStore>;
  dispose(): Promise<void>;
}

function sqliteFactory(): StoreFactory {
  const dirs: string[] = [];
  const location = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-'));
    dirs.push(dir);
    return join(dir, 'hub.sqlite');
  };
  return {
    dialect: 'sqlite',
    location,
    open: async (options) => openHubStore(await location(), options),
    dispose: async () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}

function postgresFactory(): StoreFactory {
  const adminUrl = inject('postgresUrl');
  const location = () => createPostgresDatabase(adminUrl, `qwms_${randomBytes(6).toString('hex')}`);
  return { dialect: 'postgres', location, open: async (options) => openHubStore(await location(), options), dispose: async () => {} };
}

/** Storage and API tests run once per dialect: `describe.each(hubStoreFactories())`. */
export function hubStoreFactories(): StoreFactory[] {
  return [sqliteFactory(), postgresFactory()];
}

import { ensureReferenceData } from '../services/reference-data';
import { openHubStore, type HubStore } from '../storage/database';
import { defaultDatabase } from './default-database';

/** Opens the database (`--db`, else the default), runs the command, closes it whatever happens. */
export async function withStore<T>(database: string | undefined, work: (store: HubStore) => Promise<T>): Promise<T> {
  const store = await openHubStore(database ?? defaultDatabase());
  try {
    await ensureReferenceData(store.db);
    return await work(store);
  } finally {
    await store.close();
  }
}

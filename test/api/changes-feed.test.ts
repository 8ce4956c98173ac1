import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../server/demo/demo-data';
import { startHub, type RunningHub } from '../../server/hub/start-hub';
import { ensureReferenceData } from '../../server/services/reference-data';
import { registerStation } from '../../server/services/stations';
import { openHubStore } from '../../server/storage/database';
import { checkFeedData, feedVersion } from '../../shared/hub/feed';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';

/**
 * Guards the changes feed at the hub's end: every change a demo warehouse writes (sellers, catalogue, bundles, orders,
 * bins, stock, users…) reads as its entity in shared/hub/feed.ts, as a station checks it, and every page says which
 * version of that map the hub speaks.
 */
describe.each(hubStoreFactories())('the changes feed of a demo warehouse on $dialect', (factory) => {
  let hub: RunningHub;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const location = await factory.location();
    const store = await openHubStore(location);
    await ensureReferenceData(store.db);
    await loadDemoData(store);
    await store.close();
    hub = await startHub({ database: location, port: 0, host: '127.0.0.1' });
    auth = { authorization: `Station st-feed:${await registerStation(hub.store.db, { id: 'st-feed', name: 'feed', branchCode: tokyo })}` };
  });
  afterAll(async () => {
    await hub?.close();
    await factory.dispose();
  });

  it('carries only entities the station knows, each in the shape it reads, with the feed version', async () => {
    const response = await fetch(new URL('/api/v1/changes?since=0&limit=5000', hub.url), { headers: auth });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { feedVersion: number; changes: { entity: string; entityId: string; data: unknown }[] };
    expect(page.feedVersion).toBe(feedVersion);
    const problems = page.changes.flatMap((change) => {
      const check = checkFeedData(change.entity, change.data);
      return !check.known
        ? [`${change.entity} ${change.entityId}: unknown entity`]
        : check.problem
          ? [`${change.entity} ${change.entityId}: ${check.problem}`]
          : [];
    });
    expect(problems).toEqual([]);
    expect(new Set(page.changes.map((change) => change.entity))).toEqual(
      new Set(['user', 'seller', 'inventory-item', 'sku', 'sku-location', 'bundle', 'order', 'stock']),
    );
  });
});

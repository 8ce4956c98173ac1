import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StationStore } from '../../../electron/station/store/station-store';
import { benchOrder } from '../../support/pack-bench-fixtures';

let dir: string;
let store: StationStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-feed-state-'));
  store = new StationStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an order in a state this station does not know', () => {
  it('is kept unread, not packed or picked on a guess, and the orders it knows still read', () => {
    const { unread } = store.applyChanges(
      [
        { entity: 'order', entityId: 'o-1', op: 'upsert', data: { ...benchOrder(), id: 'o-1', state: 'allocated' } },
        // A newer hub's state (a cancellation this station was built before).
        { entity: 'order', entityId: 'o-2', op: 'upsert', data: { ...benchOrder(), id: 'o-2', orderNo: '700000002', state: 'cancelled' } },
      ],
      2,
    );
    expect(unread).toBe(1);
    expect(store.cachedOne('order', 'o-1')?.state).toBe('allocated');
    expect(store.cachedOne('order', 'o-2')).toBeNull();
    expect(store.unreadCached()).toEqual([
      { entity: 'order', entityId: 'o-2', data: expect.objectContaining({ state: 'cancelled' }), reason: expect.stringContaining('state') },
    ]);
  });
});

import { overlayBundle, type BundleFloor } from '../overlay/floor-overlay';
import type { OutboxEntry } from '../store/station-store';

export type { InspectionStep } from '../overlay/floor-overlay';

/** A bundle's inspection as this station recorded it: the overlay's bundle, less its dock fields. */
export type InspectionTally = Pick<BundleFloor, 'counted' | 'findings' | 'steps' | 'userIds' | 'finished'>;

/**
 * A bundle's inspection as this station recorded it, rebuilt from the outbox by the floor overlay: what the screen
 * showed before a crash is exactly what it shows after, whether or not the hub has the events yet. Events the hub
 * refused do not count.
 */
export function tallyInspection(bundleId: string, entries: readonly OutboxEntry[]): InspectionTally {
  return overlayBundle(
    { id: bundleId, state: 'arrived', boxesReceived: 0 },
    entries.filter((entry) => entry.state !== 'rejected'),
  );
}

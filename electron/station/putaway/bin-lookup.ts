import type { FeedView } from '../../../shared/hub/feed';
import type { StationStore } from '../store/station-store';
import { emptyFloor, layEvents } from '../overlay/floor-overlay';

/** A SKU's location as the hub's changes feed carries it (entity `sku-location`, id `<branch>/<sku>`). */
export type CachedSkuLocation = FeedView<'sku-location'>;

/** The cache id of a SKU's location at a branch, as the hub names it in the changes feed. */
export const skuLocationId = (branchCode: string, sku: string) => `${branchCode}/${sku}`;

/**
 * Where this station puts SKUs that the hub has not applied yet: its own pending `sku.located` events, the latest
 * winning. (A station's events are all of its own branch.) Refused ones are not placements.
 */
function pendingPlacements(store: StationStore): Map<string, string> {
  // Pending only: an applied placement is in the cache already, and may since have been moved by another station.
  return layEvents(emptyFloor(), store.pendingOfKinds(['sku.located'])).bins;
}

/**
 * The bin a SKU is in at a branch, as this station knows it with or without the hub: its own placement not yet
 * applied by the hub, else the location pulled from the hub's changes feed; null if it has none.
 */
export function binOf(store: StationStore, branchCode: string, sku: string): string | null {
  return pendingPlacements(store).get(sku) ?? store.cachedOne('sku-location', skuLocationId(branchCode, sku))?.bin ?? null;
}

/**
 * Known bins at a branch, SKU → bin, by the same rule as `binOf`, the pending placements read once (for a whole pick
 * list). Given `skus`, only those are looked up, one cached location each; without, every location at the branch.
 */
export function binsOf(store: StationStore, branchCode: string, skus?: Iterable<string>): Map<string, string> {
  const placed = pendingPlacements(store);
  const bins = new Map<string, string>();
  if (skus === undefined) {
    for (const location of store.cached('sku-location')) {
      if (location.branchCode === branchCode) bins.set(location.sku, location.bin);
    }
    for (const [sku, bin] of placed) bins.set(sku, bin);
    return bins;
  }
  for (const sku of skus) {
    if (bins.has(sku)) continue;
    // This station's own placement not yet applied by the hub wins over the hub's location.
    const own = placed.get(sku);
    if (own !== undefined) {
      bins.set(sku, own);
      continue;
    }
    const location = store.cachedOne('sku-location', skuLocationId(branchCode, sku));
    if (location) bins.set(sku, location.bin);
  }
  return bins;
}

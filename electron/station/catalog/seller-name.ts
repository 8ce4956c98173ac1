import type { StationStore } from '../store/station-store';

/** The shop's name for screens and papers; its id until the station has heard the name from the hub. */
export function sellerName(store: StationStore, sellerId: string): string {
  return store.cachedOne('seller', sellerId)?.name ?? sellerId;
}

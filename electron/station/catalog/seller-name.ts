import type { StationStore } from '../store/station-store';

/** A seller as the hub's changes feed carries it (entity 'seller'). */
interface CachedSeller {
  id: string;
  name: string;
}

/** The shop's name for screens and papers; its id until the station has heard the name from the hub. */
export function sellerName(store: StationStore, sellerId: string): string {
  return store.cachedOne<CachedSeller>('seller', sellerId)?.name ?? sellerId;
}

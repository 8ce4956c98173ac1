import type { FeedView } from '../../../shared/hub/feed';

/**
 * An order as the hub's changes feed carries it (the hub's order view; entity 'order', schema in shared/hub/feed.ts).
 * Packing, picking and the manifest read it.
 */
export type CachedOrder = FeedView<'order'>;

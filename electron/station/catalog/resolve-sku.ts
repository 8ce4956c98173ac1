import { formatSku, parseSku } from '../../../shared/domain/identifiers';
import type { FeedView } from '../../../shared/hub/feed';
import type { StationStore } from '../store/station-store';

/** A SKU as the hub's changes feed carries it (entity 'sku', schema in shared/hub/feed.ts). */
export type CachedSku = FeedView<'sku'>;

/**
 * The SKU a scanned unit is: its SKU label (3…-…, a reader may prefix the AIM id ]C0), its JAN, or the seller's own
 * SKU code. A JAN can be printed on the goods of more than one seller: the given seller's SKU wins. Lookups go
 * through the station store's indexes: a scan must not read the whole catalogue.
 */
export function resolveSku(store: StationStore, code: string, sellerId: string | null): CachedSku | null {
  const asSku = skuOfLabel(code);
  if (asSku) return store.cachedOne('sku', asSku) ?? null;
  const byJan = store.cachedWhere('sku', 'jan', code);
  if (byJan.length > 0) return byJan.find((sku) => sku.sellerId === sellerId) ?? byJan[0] ?? null;
  const bySellerCode = store.cachedWhere('sku', 'sellerSkuCode', code);
  return bySellerCode.find((sku) => sellerId === null || sku.sellerId === sellerId) ?? null;
}

/** The canonical SKU a scanned SKU label reads as (any of its printed forms, the AIM id ]C0 allowed first); else null. */
export function skuOfLabel(code: string): string | null {
  const parts = parseSku(code.startsWith(']C0') ? code.slice(3) : code);
  return parts ? formatSku(parts) : null;
}

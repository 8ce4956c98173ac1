import type { SkuCard } from '../../../shared/contract/sku-labels';
import type { StationStore } from '../store/station-store';
import { resolveSku } from './resolve-sku';
import { sellerName } from './seller-name';

/**
 * The SKU a scanned or typed code is (SKU label, JAN or seller SKU code), with its item, option and shop, from the
 * station's own copy of the catalogue: SKU labels can be reprinted while the hub is away. Null for an unknown code.
 */
export function skuCard(store: StationStore, code: string): SkuCard | null {
  const sku = resolveSku(store, code.trim(), null);
  if (!sku) return null;
  const item = store.cachedOne('inventory-item', sku.inventoryCode);
  return {
    sku: sku.sku,
    itemName: item?.name ?? sku.sku,
    optionName: sku.name,
    sellerId: sku.sellerId,
    sellerName: sellerName(store, sku.sellerId),
    sellerSkuCode: sku.sellerSkuCode,
    jan: sku.jan,
  };
}

/** The label run for one SKU: the same label data inspection prints, `copies` times. */
export function skuLabelRun(card: SkuCard, copies: number) {
  return [{ sku: card.sku, itemName: card.itemName, optionName: card.optionName, sellerSkuCode: card.sellerSkuCode, copies }];
}

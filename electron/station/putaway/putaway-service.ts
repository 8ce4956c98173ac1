import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { PutawayItem, PutawayRefusal, PutawayStep } from '../../../shared/contract/putaway';
import { normaliseBinCode } from '../../../shared/domain/bin-locations';
import { resolveSku, type CachedSku } from '../catalog/resolve-sku';
import type { OutboxEntry, StationStore } from '../store/station-store';
import { binOf } from './bin-lookup';

export interface PutawayDeps {
  store: StationStore;
  branchCode: string;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): OutboxEntry;
}

/**
 * Putaway: scan a SKU (its label, JAN or seller SKU code), then the bin it goes into; the placement is a `sku.located`
 * event in the outbox before the answer. A bin scanned with no SKU waiting is refused (which SKU would it be?); a
 * second SKU replaces the first. Each window (client) has its own SKU in hand. Works with the hub away: it reads the
 * SKUs and locations pulled from the hub and its own outbox.
 */
export class PutawayService {
  /** client id → the SKU scanned and waiting for its bin. */
  private readonly held = new Map<string, string>();

  constructor(private readonly deps: PutawayDeps) {}

  scan(clientId: string, code: string, userId: string | null): PutawayStep {
    const text = code.trim();
    const bin = normaliseBinCode(text);
    const pendingSku = this.held.get(clientId);
    const pending = pendingSku ? this.item(pendingSku) : null;
    const refused = (refusal: PutawayRefusal): PutawayStep => ({ verdict: 'refused', refusal, pending, placed: null });
    if (bin) {
      if (!pendingSku || !pending) return refused('bin-first');
      const fromBin = pending.bin;
      // On disk before the answer: a placement the clerk saw confirmed survives a crash.
      const entry = this.deps.record('sku.located', { sku: pendingSku, bin }, userId);
      this.held.delete(clientId);
      return {
        verdict: 'placed',
        refusal: null,
        pending: null,
        placed: { item: { ...pending, bin }, fromBin, toBin: bin, eventId: entry.eventId, at: entry.occurredAt },
      };
    }
    const sku = resolveSku(this.deps.store, text, null);
    if (!sku) return refused('unknown-item');
    this.held.set(clientId, sku.sku);
    return { verdict: 'sku', refusal: null, pending: this.describe(sku), placed: null };
  }

  /** Puts the SKU in hand down without placing it. */
  clear(clientId: string): boolean {
    return this.held.delete(clientId);
  }

  /** The SKU in hand of this window, if any (a screen opened again shows it). */
  pending(clientId: string): PutawayItem | null {
    const sku = this.held.get(clientId);
    return sku ? this.item(sku) : null;
  }

  /** A SKU (label, JAN or seller SKU code) with its current bin, or null if the station does not know it. */
  location(code: string): PutawayItem | null {
    const sku = resolveSku(this.deps.store, code.trim(), null);
    return sku ? this.describe(sku) : null;
  }

  private item(sku: string): PutawayItem | null {
    const cached = this.deps.store.cachedOne('sku', sku);
    return cached ? this.describe(cached) : null;
  }

  private describe(sku: CachedSku): PutawayItem {
    const item = this.deps.store.cachedOne('inventory-item', sku.inventoryCode);
    return {
      sku: sku.sku,
      itemName: item?.name ?? sku.sku,
      optionName: sku.name,
      sellerId: sku.sellerId,
      sellerSkuCode: sku.sellerSkuCode,
      bin: binOf(this.deps.store, this.deps.branchCode, sku.sku),
    };
  }
}

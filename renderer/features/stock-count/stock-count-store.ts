import { create } from 'zustand';
import type { StockCountTarget } from '../../../shared/contract/stock-count';

/**
 * The count in progress on this window: the bin or SKU opened (with its book), the units found per SKU so far
 * (scanned one by one, or keyed), and the SKU whose count is being confirmed. Nothing here is recorded until the
 * station has the confirmed count in its outbox.
 */
interface StockCountState {
  target: StockCountTarget | null;
  /** SKU → units found so far; absent until the first scan or keyed count. */
  counts: Record<string, number>;
  /** The SKU whose count is being confirmed (reason, second badge). */
  confirming: string | null;
  open(target: StockCountTarget): void;
  close(): void;
  /** One unit scanned: the SKU's count goes up by one, and it becomes the one shown as active. */
  scanned(sku: string): number;
  keyed(sku: string, count: number): void;
  confirm(sku: string | null): void;
  /** After a count is recorded: the SKU starts again from nothing, against its new book. */
  recorded(target: StockCountTarget | null, sku: string): void;
}

export const useStockCount = create<StockCountState>((set, get) => ({
  target: null,
  counts: {},
  confirming: null,
  open: (target) => set({ target, counts: {}, confirming: null }),
  close: () => set({ target: null, counts: {}, confirming: null }),
  scanned(sku) {
    const count = (get().counts[sku] ?? 0) + 1;
    set({ counts: { ...get().counts, [sku]: count } });
    return count;
  },
  keyed: (sku, count) => set({ counts: { ...get().counts, [sku]: count } }),
  confirm: (sku) => set({ confirming: sku }),
  recorded(target, sku) {
    const { [sku]: _done, ...rest } = get().counts;
    set({ target: target ?? get().target, counts: rest, confirming: null });
  },
}));

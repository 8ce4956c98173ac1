import type { HandlerSlice } from '../contract-host/dispatcher';
import type { StockCountService } from './stock-count-service';

/** Cycle count: open a bin or SKU with its book, confirm a count (second badge above the threshold), this station's counts. */
export function stockCountHandlers(
  counts: StockCountService,
): HandlerSlice<'stockCount.open' | 'stockCount.resolve' | 'stockCount.confirm' | 'stockCount.recent' | 'stockCount.threshold' | 'stockCount.setThreshold'> {
  return {
    'stockCount.open': (input) => counts.open(input.code),
    'stockCount.resolve': (input) => counts.resolve(input.code),
    'stockCount.confirm': (input, ctx) => {
      const user = ctx.session()?.user ?? null;
      return counts.confirm(input, user ? { id: user.id, role: user.role } : null, ctx.clientId);
    },
    'stockCount.recent': (input) => counts.recent(input.limit),
    'stockCount.threshold': () => ({ secondBadgeAbove: counts.secondBadgeAbove() }),
    'stockCount.setThreshold': (input) => ({ secondBadgeAbove: counts.setSecondBadgeAbove(input.secondBadgeAbove) }),
  };
}

/**
 * A cycle count (棚卸) and the stock adjustment it makes: why the floor and the book disagree, and when a second
 * supervisor must approve. The manual (daily inventory sync) gives no threshold: 10 units is our default, a setting on
 * the station (`stockCount.secondBadgeAbove`) and on the hub (`QWMS_SECOND_BADGE_ABOVE`).
 */
export const stockCountReasons = ['damaged', 'lost', 'found', 'count-correction', 'other'] as const;
export type StockCountReason = (typeof stockCountReasons)[number];

export const defaultSecondBadgeAbove = 10;

/** Units the count moves: found minus the book the counter saw (negative: fewer on the shelf). */
export const countVariance = (count: { book: number; counted: number }): number => count.counted - count.book;

/** Whether a variance of this size needs a second supervisor's badge. */
export const needsSecondBadge = (variance: number, threshold: number = defaultSecondBadgeAbove): boolean => Math.abs(variance) > threshold;

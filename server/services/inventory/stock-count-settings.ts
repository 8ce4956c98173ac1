import { defaultSecondBadgeAbove } from '../../../shared/domain/stock-count';

/**
 * The hub's two-badge threshold (`QWMS_SECOND_BADGE_ABOVE`, units): a count moving more than this many units needs a
 * second supervisor's approval. The station has its own setting for when to ask; the hub checks with its own, so a
 * station set too high cannot skip the second badge.
 */
export function secondBadgeAbove(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.QWMS_SECOND_BADGE_ABOVE?.trim();
  if (!text) return defaultSecondBadgeAbove;
  const units = Number(text);
  // A typo here would silently let every adjustment through with one badge, or none: the hub says so instead.
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`QWMS_SECOND_BADGE_ABOVE must be a whole number of units (0 or more), not "${text}"`);
  return units;
}

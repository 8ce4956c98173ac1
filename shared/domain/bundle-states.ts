import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * A cargo bundle (入库 bundle) moves requested → confirmed → shipped → arrived → completed; the warehouse may
 * reject it before it accepts it (requested) or at the dock (arrived: mixed, unidentifiable, collect-on-delivery
 * goods). Once shipped, nothing in between may be skipped: stock is only posted by completing inspection.
 */
export const bundleStates = ['requested', 'confirmed', 'shipped', 'arrived', 'completed', 'rejected'] as const;
export type BundleState = (typeof bundleStates)[number];
export const bundleStateSchema = z.enum(bundleStates, { error: reasonCode('invalid-bundle-state') });

export const finalBundleStates: readonly BundleState[] = ['completed', 'rejected'];

export type BundleActor = 'warehouse' | 'seller';

export type BundleTransition = { from: BundleState; to: BundleState; by: BundleActor };

/** Every allowed move, and who makes it: the one table both the hub and the seller-side screens read. */
export const bundleTransitions: readonly BundleTransition[] = [
  { from: 'requested', to: 'confirmed', by: 'warehouse' },
  { from: 'requested', to: 'rejected', by: 'warehouse' },
  { from: 'confirmed', to: 'shipped', by: 'seller' }, // with carrier, tracking number and box count
  { from: 'shipped', to: 'arrived', by: 'warehouse' }, // the dock scans the box
  { from: 'arrived', to: 'completed', by: 'warehouse' }, // quantity inspection ends; stock is posted
  { from: 'arrived', to: 'rejected', by: 'warehouse' },
];

export type BundleTransitionRefusal = 'illegal-transition' | 'already-in-state' | 'final-state';
export type BundleTransitionCheck = { ok: true } | { ok: false; reason: BundleTransitionRefusal };

export function checkBundleTransition(from: BundleState, to: BundleState): BundleTransitionCheck {
  // Same state first: a replayed station event ("arrived" scanned twice) is a harmless repeat, and saying so lets
  // the hub answer it as already done rather than as an error, even for a completed bundle.
  if (from === to) return { ok: false, reason: 'already-in-state' };
  if (finalBundleStates.includes(from)) return { ok: false, reason: 'final-state' };
  return findTransition(from, to) ? { ok: true } : { ok: false, reason: 'illegal-transition' };
}

/** Who may move a bundle from `from` to `to`, or null when nobody may. */
export function bundleTransitionActor(from: BundleState, to: BundleState): BundleActor | null {
  return findTransition(from, to)?.by ?? null;
}

/** As checkBundleTransition, and also refuses a legal move made by the wrong party (a seller confirming). */
export function checkBundleTransitionBy(
  from: BundleState,
  to: BundleState,
  by: BundleActor,
): { ok: true } | { ok: false; reason: BundleTransitionRefusal | 'wrong-actor' } {
  const check = checkBundleTransition(from, to);
  if (!check.ok) return check;
  return bundleTransitionActor(from, to) === by ? check : { ok: false, reason: 'wrong-actor' };
}

function findTransition(from: BundleState, to: BundleState): BundleTransition | undefined {
  return bundleTransitions.find((transition) => transition.from === from && transition.to === to);
}

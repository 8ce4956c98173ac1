import { describe, expect, it } from 'vitest';
import { bundleStates, bundleTransitionActor, checkBundleTransition, checkBundleTransitionBy, type BundleState } from '../../../shared/domain/bundle-states';

// The specification written out independently of the table under test.
const allowed = new Set(['requested>confirmed', 'confirmed>shipped', 'shipped>arrived', 'arrived>completed', 'requested>rejected', 'arrived>rejected']);

describe('cargo bundle transitions', () => {
  it('walks the happy path requested → confirmed → shipped → arrived → completed', () => {
    const path: BundleState[] = ['requested', 'confirmed', 'shipped', 'arrived', 'completed'];
    for (let i = 1; i < path.length; i++) expect(checkBundleTransition(path[i - 1]!, path[i]!)).toEqual({ ok: true });
  });

  it('rejects only from requested or arrived', () => {
    expect(checkBundleTransition('requested', 'rejected')).toEqual({ ok: true });
    expect(checkBundleTransition('arrived', 'rejected')).toEqual({ ok: true });
    expect(checkBundleTransition('confirmed', 'rejected')).toEqual({ ok: false, reason: 'illegal-transition' });
    expect(checkBundleTransition('shipped', 'rejected')).toEqual({ ok: false, reason: 'illegal-transition' });
  });

  it('refuses skipping a step and going back as illegal-transition', () => {
    expect(checkBundleTransition('requested', 'shipped')).toEqual({ ok: false, reason: 'illegal-transition' });
    expect(checkBundleTransition('shipped', 'completed')).toEqual({ ok: false, reason: 'illegal-transition' });
    expect(checkBundleTransition('arrived', 'shipped')).toEqual({ ok: false, reason: 'illegal-transition' });
  });

  it('refuses leaving completed or rejected as final-state', () => {
    expect(checkBundleTransition('completed', 'arrived')).toEqual({ ok: false, reason: 'final-state' });
    expect(checkBundleTransition('rejected', 'requested')).toEqual({ ok: false, reason: 'final-state' });
  });

  it('answers a repeat (even of a final state) as already-in-state, so a replayed scan is recognisable', () => {
    for (const state of bundleStates) expect(checkBundleTransition(state, state)).toEqual({ ok: false, reason: 'already-in-state' });
  });

  it('allows exactly the specified pairs among all 36', () => {
    for (const from of bundleStates) {
      for (const to of bundleStates) {
        expect(checkBundleTransition(from, to).ok, `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('lets the seller ship and the warehouse do everything else', () => {
    expect(bundleTransitionActor('confirmed', 'shipped')).toBe('seller');
    for (const pair of allowed) {
      const [from, to] = pair.split('>') as [BundleState, BundleState];
      expect(bundleTransitionActor(from, to)).toBe(pair === 'confirmed>shipped' ? 'seller' : 'warehouse');
    }
    expect(bundleTransitionActor('requested', 'completed')).toBeNull();
  });

  it('refuses a legal move by the wrong party as wrong-actor, and keeps the other reasons first', () => {
    expect(checkBundleTransitionBy('requested', 'confirmed', 'seller')).toEqual({ ok: false, reason: 'wrong-actor' });
    expect(checkBundleTransitionBy('confirmed', 'shipped', 'warehouse')).toEqual({ ok: false, reason: 'wrong-actor' });
    expect(checkBundleTransitionBy('confirmed', 'shipped', 'seller')).toEqual({ ok: true });
    expect(checkBundleTransitionBy('completed', 'arrived', 'seller')).toEqual({ ok: false, reason: 'final-state' });
  });
});

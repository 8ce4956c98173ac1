import type { BundleFloor, FloorState, InspectionStep, OverlayEvent, OverlayRule } from './floor-state';

/**
 * The dock and the inspection table on the station's copy of a bundle (server/sync/inspection-events.ts does the
 * same at the hub): the arrival, the units counted per line, the finds on no line, and the station's own undo stack.
 */
function onBundle(state: FloorState, bundleId: string, event: OverlayEvent, change: (bundle: BundleFloor) => void): FloorState {
  const bundle = state.bundles.get(bundleId);
  if (!bundle) return state;
  if (event.userId && !bundle.userIds.includes(event.userId)) bundle.userIds.push(event.userId);
  change(bundle);
  return state;
}

export const inspectionRules: {
  'bundle.arrived': OverlayRule<'bundle.arrived'>;
  'inspection.counted': OverlayRule<'inspection.counted'>;
  'inspection.found': OverlayRule<'inspection.found'>;
  'inspection.finished': OverlayRule<'inspection.finished'>;
} = {
  /** A dock scan moves a bundle on its way (shipped, or confirmed as far as a lagging copy knows) to arrived. */
  'bundle.arrived': (state, payload) => {
    const bundle = state.bundles.get(payload.bundleId);
    if (bundle && (bundle.state === 'shipped' || bundle.state === 'confirmed'))
      state.bundles.set(payload.bundleId, { ...bundle, state: 'arrived', boxesReceived: payload.boxesReceived });
    return state;
  },
  /** A scan (+1), a keyed count (its difference) or an undo (negative); a count below zero the hub refuses. */
  'inspection.counted': (state, payload, event) =>
    onBundle(state, payload.bundleId, event, (bundle) => {
      const after = (bundle.counted.get(payload.lineId) ?? 0) + payload.quantity;
      if (after < 0) return;
      bundle.counted.set(payload.lineId, after);
      if (payload.source === 'undo') {
        takeBack(
          bundle.steps,
          (step) => step.kind === 'count' && step.lineId === payload.lineId,
          (step) => step.kind === 'count' && step.quantity === -payload.quantity,
        );
      } else bundle.steps.push({ kind: 'count', lineId: payload.lineId, quantity: payload.quantity });
    }),
  /** Goods on no line; a negative find is an undo taking the newest find of that code and kind back. */
  'inspection.found': (state, payload, event) =>
    onBundle(state, payload.bundleId, event, (bundle) => {
      if (payload.quantity > 0) {
        bundle.findings.push({ code: payload.code, kind: payload.kind, quantity: payload.quantity, note: payload.note });
        bundle.steps.push({ kind: 'found', code: payload.code, findKind: payload.kind, note: payload.note });
        return;
      }
      const index = lastIndex(bundle.findings, (finding) => finding.code === payload.code && finding.kind === payload.kind);
      if (index >= 0) bundle.findings.splice(index, 1);
      takeBack(
        bundle.steps,
        (step) => step.kind === 'found' && step.code === payload.code && step.findKind === payload.kind,
        () => true,
      );
    }),
  /** Inspection ended (the hub completes the bundle, or holds it for the seller's balance: the copy does not guess). */
  'inspection.finished': (state, payload, event) =>
    onBundle(state, payload.bundleId, event, (bundle) => {
      bundle.finished = true;
    }),
};

/**
 * Removes the step an undo event took back: the newest step when it matches (the undo this station makes), else the
 * newest of the same line or code (an undo written by an older station version, which took back the line's last scan).
 */
function takeBack(steps: InspectionStep[], sameTarget: (step: InspectionStep) => boolean, exact: (step: InspectionStep) => boolean): void {
  const last = steps.at(-1);
  if (last && sameTarget(last) && exact(last)) {
    steps.pop();
    return;
  }
  const index = lastIndex(steps, sameTarget);
  if (index >= 0) steps.splice(index, 1);
}

/** Array.prototype.findLastIndex, which the station's ES2022 library does not declare. */
function lastIndex<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (matches(items[i] as T)) return i;
  return -1;
}

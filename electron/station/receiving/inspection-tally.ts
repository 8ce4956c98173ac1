import type { OutboxEntry } from '../store/station-store';

interface CountedPayload {
  bundleId: string;
  lineId: string;
  quantity: number;
  source: 'scan' | 'key' | 'undo';
}

interface FoundPayload {
  bundleId: string;
  code: string;
  kind: 'unknown-item' | 'wrong-seller';
  /** Positive: goods found; negative: an undo taking an earlier find back. */
  quantity: number;
  note: string | null;
}

/** One thing the clerk did that an undo can take back: units on a line (a scan or a keyed count), or a find. */
export type InspectionStep =
  | { kind: 'count'; lineId: string; quantity: number }
  | { kind: 'found'; code: string; findKind: FoundPayload['kind']; note: string | null };

export interface InspectionTally {
  counted: Map<string, number>;
  /** Goods on no line, one per find still standing, in the order found. */
  findings: { code: string; kind: FoundPayload['kind']; quantity: number; note: string | null }[];
  /** What an undo would take back, newest last: every scan, keyed count and find not yet undone. */
  steps: InspectionStep[];
  /** Users who counted, found or finished, in the order they first appear. */
  userIds: string[];
  finished: boolean;
}

/**
 * A bundle's inspection as this station recorded it, rebuilt from the outbox alone: what the screen showed before a
 * crash is exactly what it shows after, whether or not the hub has the events yet. Events the hub refused do not count.
 */
export function tallyInspection(bundleId: string, entries: readonly OutboxEntry[]): InspectionTally {
  const tally: InspectionTally = { counted: new Map(), findings: [], steps: [], userIds: [], finished: false };
  for (const entry of entries) {
    if (entry.state === 'rejected') continue;
    const payload = entry.payload as { bundleId?: string };
    if (payload.bundleId !== bundleId) continue;
    if (entry.userId && !tally.userIds.includes(entry.userId)) tally.userIds.push(entry.userId);
    if (entry.kind === 'inspection.counted') {
      const counted = payload as CountedPayload;
      tally.counted.set(counted.lineId, (tally.counted.get(counted.lineId) ?? 0) + counted.quantity);
      if (counted.source === 'undo') takeBack(tally.steps, (step) => step.kind === 'count' && step.lineId === counted.lineId, (step) => step.kind === 'count' && step.quantity === -counted.quantity);
      else tally.steps.push({ kind: 'count', lineId: counted.lineId, quantity: counted.quantity });
    } else if (entry.kind === 'inspection.found') {
      const found = payload as FoundPayload;
      if (found.quantity > 0) {
        tally.findings.push({ code: found.code, kind: found.kind, quantity: found.quantity, note: found.note });
        tally.steps.push({ kind: 'found', code: found.code, findKind: found.kind, note: found.note });
      } else {
        const index = lastIndex(tally.findings, (finding) => finding.code === found.code && finding.kind === found.kind);
        if (index >= 0) tally.findings.splice(index, 1);
        takeBack(tally.steps, (step) => step.kind === 'found' && step.code === found.code && step.findKind === found.kind, () => true);
      }
    } else if (entry.kind === 'inspection.finished') {
      tally.finished = true;
    }
  }
  return tally;
}

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

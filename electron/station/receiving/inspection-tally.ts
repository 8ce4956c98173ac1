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
  quantity: number;
}

export interface InspectionTally {
  counted: Map<string, number>;
  findings: FoundPayload[];
  /** Lines of the scans that an undo would take back, newest last. */
  undoable: string[];
  finished: boolean;
}

/**
 * A bundle's inspection as this station recorded it, rebuilt from the outbox alone: what the screen showed before a
 * crash is exactly what it shows after, whether or not the hub has the events yet. Events the hub refused do not count.
 */
export function tallyInspection(bundleId: string, entries: readonly OutboxEntry[]): InspectionTally {
  const tally: InspectionTally = { counted: new Map(), findings: [], undoable: [], finished: false };
  for (const entry of entries) {
    if (entry.state === 'rejected') continue;
    const payload = entry.payload as { bundleId?: string };
    if (payload.bundleId !== bundleId) continue;
    if (entry.kind === 'inspection.counted') {
      const counted = payload as CountedPayload;
      tally.counted.set(counted.lineId, (tally.counted.get(counted.lineId) ?? 0) + counted.quantity);
      if (counted.source === 'scan') tally.undoable.push(counted.lineId);
      if (counted.source === 'undo') tally.undoable.splice(tally.undoable.lastIndexOf(counted.lineId), 1);
      if (counted.source === 'key') tally.undoable = tally.undoable.filter((lineId) => lineId !== counted.lineId);
    } else if (entry.kind === 'inspection.found') {
      tally.findings.push(payload as FoundPayload);
    } else if (entry.kind === 'inspection.finished') {
      tally.finished = true;
    }
  }
  return tally;
}

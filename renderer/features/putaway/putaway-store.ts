import { create } from 'zustand';
import type { PutawayItem, PutawayStep } from '../../../shared/contract/putaway';

/** One SKU placed from this screen: what, and from which bin to which. */
export interface Placement {
  eventId: string;
  item: PutawayItem;
  fromBin: string | null;
  toBin: string;
  at: string;
}

/** How many placements the screen keeps showing, newest first. */
export const placementsShown = 20;

interface PutawayState {
  /** The SKU in hand, waiting for its bin. */
  pending: PutawayItem | null;
  /** The last placements made here, newest first. */
  placed: Placement[];
  /** The station's answer to a scan: the held SKU and, once placed, one more placement. */
  apply(step: PutawayStep): void;
  hold(item: PutawayItem | null): void;
}

export const usePutaway = create<PutawayState>((set, get) => ({
  pending: null,
  placed: [],
  apply(step) {
    const placed = step.placed
      ? [
          { eventId: step.placed.eventId, item: step.placed.item, fromBin: step.placed.fromBin, toBin: step.placed.toBin, at: step.placed.at },
          ...get().placed,
        ].slice(0, placementsShown)
      : get().placed;
    set({ pending: step.pending, placed });
  },
  hold: (item) => set({ pending: item }),
}));

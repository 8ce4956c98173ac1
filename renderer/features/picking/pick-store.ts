import { create } from 'zustand';
import type { HeldPickOrderView, PickView } from '../../../shared/contract/picking';

interface PickState {
  /** The orders the last "make" left out, with their reasons. */
  held: HeldPickOrderView[];
  /** The list being picked, if one is open. */
  open: PickView | null;
  setHeld(held: HeldPickOrderView[]): void;
  show(list: PickView | null): void;
}

export const usePick = create<PickState>((set) => ({
  held: [],
  open: null,
  setHeld: (held) => set({ held }),
  show: (open) => set({ open }),
}));

import { create } from 'zustand';
import type { HeldPickOrderView, PickListSummary, PickView } from '../../../shared/contract/picking';

interface PickState {
  /** This branch's pick lists as the station last described them. */
  lists: PickListSummary[];
  /** The orders the last "make" left out, with their reasons. */
  held: HeldPickOrderView[];
  /** The list being picked, if one is open. */
  open: PickView | null;
  setLists(lists: PickListSummary[]): void;
  setHeld(held: HeldPickOrderView[]): void;
  show(list: PickView | null): void;
}

export const usePick = create<PickState>((set) => ({
  lists: [],
  held: [],
  open: null,
  setLists: (lists) => set({ lists }),
  setHeld: (held) => set({ held }),
  show: (open) => set({ open }),
}));

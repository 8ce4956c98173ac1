import { create } from 'zustand';
import type { InspectionView } from '../../../shared/contract/receiving';

interface InspectionState {
  view: InspectionView | null;
  show(view: InspectionView | null): void;
}

/** The bundle on the inspection table, as the station last described it. */
export const useInspection = create<InspectionState>((set) => ({ view: null, show: (view) => set({ view }) }));

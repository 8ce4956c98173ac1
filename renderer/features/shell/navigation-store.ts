import { create } from 'zustand';
import type { WorkArea } from '../../../shared/domain/roles';

interface NavigationState {
  /** null: the menu. */
  area: WorkArea | null;
  open(area: WorkArea | null): void;
}

export const useNavigation = create<NavigationState>((set) => ({ area: null, open: (area) => set({ area }) }));

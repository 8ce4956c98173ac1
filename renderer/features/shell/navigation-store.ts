import { create } from 'zustand';
import type { WorkArea } from '../../../shared/domain/roles';
import { useFeedback } from '../scanning/feedback-store';

interface NavigationState {
  /** null: the menu. */
  area: WorkArea | null;
  open(area: WorkArea | null): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  area: null,
  open: (area) => {
    // A message answers something done on the screen being left: it must not stand over the next one.
    if (area !== get().area) useFeedback.getState().clear();
    set({ area });
  },
}));

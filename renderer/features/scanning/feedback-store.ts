import { create } from 'zustand';
import { playFeedbackSound, type FeedbackKind } from './feedback-sound';

interface FeedbackState {
  kind: FeedbackKind | null;
  /** Changes on every signal so the same colour twice in a row still flashes twice. */
  serial: number;
  message: string;
  signal(kind: FeedbackKind, message: string): void;
}

/** Every scan answers at once with a sound and a colour; screens call `signal`, the shell shows it. */
export const useFeedback = create<FeedbackState>((set, get) => ({
  kind: null,
  serial: 0,
  message: '',
  signal(kind, message) {
    playFeedbackSound(kind);
    set({ kind, message, serial: get().serial + 1 });
  },
}));

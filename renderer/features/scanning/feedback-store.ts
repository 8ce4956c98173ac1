import i18next, { type TFunction } from 'i18next';
import { create } from 'zustand';
import { playFeedbackSound, type FeedbackKind } from './feedback-sound';

/**
 * What the banner says: best a function of the translator, worded again in whatever language the screen is in when
 * it is drawn; a plain string is text already worded in one language, so it is dropped when the language changes.
 */
export type FeedbackMessage = string | ((t: TFunction) => string);

interface FeedbackState {
  kind: FeedbackKind | null;
  /** Changes on every signal so the same colour twice in a row still flashes twice. */
  serial: number;
  message: FeedbackMessage;
  signal(kind: FeedbackKind, message: FeedbackMessage): void;
  /** The message belongs to a screen and a user: gone when either changes (navigation, sign-out). */
  clear(): void;
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
  clear() {
    if (get().kind !== null) set({ kind: null, message: '', serial: get().serial + 1 });
  },
}));

/** The message in the language the screen speaks now. */
export function feedbackText(message: FeedbackMessage, t: TFunction): string {
  return typeof message === 'function' ? message(t) : message;
}

// A Japanese sentence must not stay on a screen just switched to English: text that cannot be worded again goes.
i18next.on('languageChanged', () => {
  if (typeof useFeedback.getState().message === 'string') useFeedback.getState().clear();
});

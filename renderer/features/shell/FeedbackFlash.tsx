import { useFeedback } from '../scanning/feedback-store';

/** The colour half of scan feedback: a frame round the whole window, and the last message in large type. */
export function FeedbackFlash() {
  const kind = useFeedback((state) => state.kind);
  const serial = useFeedback((state) => state.serial);
  const message = useFeedback((state) => state.message);
  if (!kind) return null;
  return (
    <>
      <div key={serial} className={`feedback-frame ${kind}`} aria-hidden="true" />
      <div className={`feedback-banner ${kind}`} role="status" data-testid="feedback" data-kind={kind} data-serial={serial}>
        {message}
      </div>
    </>
  );
}

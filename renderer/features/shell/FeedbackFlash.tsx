import { useTranslation } from 'react-i18next';
import { feedbackText, useFeedback } from '../scanning/feedback-store';

/**
 * The colour half of scan feedback: a frame round the whole window, and the last message in large type. The message
 * has a strip of its own under the header (always there, so a message never shifts the screen nor covers the table
 * being worked in); it is worded at draw time, so it follows a language switch.
 */
export function FeedbackFlash() {
  const { t } = useTranslation();
  const kind = useFeedback((state) => state.kind);
  const serial = useFeedback((state) => state.serial);
  const message = useFeedback((state) => state.message);
  return (
    <>
      {kind ? <div key={serial} className={`feedback-frame ${kind}`} aria-hidden="true" /> : null}
      <div className="feedback-slot" data-testid="feedback-slot">
        {kind ? (
          <div className={`feedback-banner ${kind}`} role="status" data-testid="feedback" data-kind={kind} data-serial={serial}>
            {feedbackText(message, t)}
          </div>
        ) : null}
      </div>
    </>
  );
}

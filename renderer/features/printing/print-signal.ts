import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { useFeedback, type FeedbackMessage } from '../scanning/feedback-store';
import { printOutcome, printProblemText } from './print-job-text';

/**
 * The sound and frame for a print answer: the chime and `done` only when the printer took the job; a job still
 * waiting for its printer says so (and is not "printed"); a failure is the bad sound, the red frame and the reason.
 * Worded when drawn, so a language switch words it again.
 */
export function signalPrint(job: PrintJobStatus, done: FeedbackMessage, fallback: PrintJobStatus['document'] = null): void {
  const outcome = printOutcome(job);
  const feedback = useFeedback.getState();
  if (outcome === 'done') feedback.signal('done', done);
  else feedback.signal(outcome === 'failed' ? 'bad' : 'good', (t) => printProblemText(t, job, fallback));
}

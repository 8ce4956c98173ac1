import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useReveal } from '../../ui/reveal';
import { useFeedback } from '../scanning/feedback-store';
import { printDocumentText, printerName, printOutcome, printReasonText } from './print-job-text';
import { signalPrint } from './print-signal';

interface Props {
  job: PrintJobStatus;
  /** What the job prints when the status does not say (older stations). */
  fallback?: PrintJobStatus['document'];
  testId: string;
  /** The new job after "retry" or "choose another printer": the screen follows that one now. */
  onRetried(job: PrintJobStatus): void;
}

/**
 * A print job's result where it was started: printed, waiting for its printer or failed, in the user's words, with
 * "print again" and "print on another printer" while it has not printed.
 */
export function PrintJobResult({ job, fallback = null, testId, onRetried }: Props) {
  const { t } = useTranslation();
  // A print's answer comes below the work that asked for it: brought into view as it appears and as it changes.
  const box = useReveal<HTMLDivElement>([job.jobId, job.state]);
  const outcome = printOutcome(job);
  const reason = printReasonText(t, job);
  const retry = (queue?: string) =>
    void station
      .call('printing.retry', queue ? { jobId: job.jobId, queue } : { jobId: job.jobId })
      .then((next) => {
        onRetried(next);
        signalPrint(
          next,
          (tr) => tr('printing.job', { document: printDocumentText(tr, next, fallback), printer: printerName(tr, next), state: tr('printing.states.done') }),
          fallback,
        );
      })
      .catch((error: unknown) => useFeedback.getState().signal('bad', errorText(t, error)));
  return (
    <div className="row wrap" data-testid={`${testId}-box`} ref={box}>
      <p
        role="status"
        data-testid={testId}
        data-state={job.state}
        data-outcome={outcome}
        data-job-id={job.jobId}
        className={outcome === 'done' ? 'result ok' : outcome === 'failed' ? 'result bad' : 'result warn'}
      >
        {t('printing.job', { document: printDocumentText(t, job, fallback), printer: printerName(t, job), state: t(`printing.states.${job.state}`) })}
        {reason ? ` — ${reason}` : ''}
      </p>
      {outcome !== 'done' ? <RetryActions testId={testId} onRetry={retry} /> : null}
    </div>
  );
}

/** "Print again" on the same setting, or on one of this PC's CUPS queues, listed when asked for. */
export function RetryActions({ testId, onRetry }: { testId: string; onRetry(queue?: string): void }) {
  const { t } = useTranslation();
  const [queues, setQueues] = useState<string[] | null>(null);
  const choose = () =>
    void station
      .call('printing.queues', {})
      .then((list) => setQueues(list.queues.map((queue) => queue.name)))
      .catch((error: unknown) => useFeedback.getState().signal('bad', errorText(t, error)));
  return (
    <>
      <button type="button" data-testid={`${testId}-retry`} onClick={() => onRetry()}>
        {t('printing.retry')}
      </button>
      {queues === null ? (
        <button type="button" data-testid={`${testId}-choose`} onClick={choose}>
          {t('printing.chooseAnother')}
        </button>
      ) : (
        <select
          aria-label={t('printing.chooseQueue')}
          data-testid={`${testId}-queue`}
          value=""
          onChange={(event) => {
            if (event.target.value) onRetry(event.target.value);
            setQueues(null);
          }}
        >
          <option value="">{t('printing.chooseQueue')}</option>
          {queues.map((queue) => (
            <option key={queue} value={queue}>
              {queue}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

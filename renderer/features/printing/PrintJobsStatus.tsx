import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';
import { useSession } from '../sign-in/session-store';
import { printDocumentText, printerName, printReasonText } from './print-job-text';
import { jobsNeedingAttention, usePrintJobs } from './print-jobs-store';
import { RetryActions } from './PrintJobResult';

/**
 * The status bar's print segment, on every screen: how many jobs failed or wait for their printer, and a panel that
 * lists them with "print again", "print on another printer" and "dealt with". The station keeps "dealt with", so a
 * reload does not bring a job back.
 */
export function PrintJobsStatus() {
  const { t } = useTranslation();
  const jobs = usePrintJobs((state) => state.jobs);
  const open = usePrintJobs((state) => state.panelOpen);
  const setOpen = usePrintJobs((state) => state.setPanelOpen);
  const userId = useSession((state) => state.session?.user.id ?? null);
  const attention = jobsNeedingAttention(jobs);

  useEffect(() => station.on('print.job', (job) => usePrintJobs.getState().moved(job)), []);
  // The station's list needs a signed-in user; read again at each sign-in (what was dealt with stays dealt with).
  useEffect(() => {
    if (userId)
      usePrintJobs
        .getState()
        .load()
        .catch(() => {});
  }, [userId]);

  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));
  const act = (call: Promise<unknown>) => void call.catch(fail);

  return (
    <span className="print-jobs-status">
      <button
        type="button"
        data-testid="status-print-jobs"
        data-count={attention.length}
        className={attention.length > 0 ? 'link bad' : 'link ok'}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        {attention.length > 0 ? t('printing.statusCount', { count: attention.length }) : t('printing.noProblems')}
      </button>
      {open ? (
        <div className="print-jobs-panel" role="dialog" aria-label={t('printing.panelTitle')} data-testid="print-jobs-panel">
          <h2>{t('printing.panelTitle')}</h2>
          {attention.length === 0 ? <p>{t('printing.noProblems')}</p> : null}
          <ul>
            {attention.map((job) => (
              <li key={job.jobId} data-testid="print-jobs-item" data-state={job.state}>
                <span>
                  {printDocumentText(t, job)}（{printerName(t, job)}）: {t(`printing.states.${job.state}`)} — {printReasonText(t, job)}
                </span>
                <RetryActions
                  testId={`print-jobs-${job.jobId}`}
                  onRetry={(queue) =>
                    act(
                      station
                        .call('printing.retry', queue ? { jobId: job.jobId, queue } : { jobId: job.jobId })
                        .then((next) => usePrintJobs.getState().moved(next)),
                    )
                  }
                />
                <button
                  type="button"
                  data-testid={`print-jobs-${job.jobId}-dismiss`}
                  onClick={() => act(station.call('printing.dismiss', { jobId: job.jobId }).then((next) => usePrintJobs.getState().moved(next)))}
                >
                  {t('printing.dismiss')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setOpen(false)}>
            {t('printing.close')}
          </button>
        </div>
      ) : null}
    </span>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView, ReportWording } from '../../../shared/contract/receiving';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';
import { PrintJobResult } from '../printing/PrintJobResult';
import { signalPrint } from '../printing/print-signal';
import { printerName } from '../printing/print-job-text';
import { useFollowedJob } from '../printing/use-followed-job';

/** After inspection: SKU labels for the counted units, and the discrepancy report as a PDF. */
export function ReportActions({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<PrintJobStatus | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));

  // The report's A4 print job, followed until it prints (or fails).
  const [reportJob, setReportJob] = useFollowedJob();
  // Printed only when the printer took the labels; waiting or failed say so (bad sound, red frame, the reason).
  const printed = (next: PrintJobStatus) => {
    setJob(next);
    signalPrint(
      next,
      (tr) => tr('printing.job', { document: tr('printing.documents.sku-labels'), printer: printerName(tr, next), state: tr('printing.states.done') }),
      'sku-labels',
    );
  };

  useEffect(() => station.on('print.job', (status) => setJob((current) => (current && current.jobId === status.jobId ? status : current))), []);

  const wording = (): ReportWording => ({
    title: t('inspection.report'),
    seller: t('receiving.seller'),
    inspector: t('inspection.inspector'),
    sku: 'SKU',
    code: t('inspection.code'),
    printedAt: t('inspection.printedAt'),
    item: t('inspection.item'),
    expected: t('inspection.expected'),
    counted: t('inspection.counted'),
    difference: t('inspection.difference'),
    statuses: {
      pending: t('inspection.statuses.pending'),
      counting: t('inspection.statuses.counting'),
      ok: t('inspection.statuses.ok'),
      short: t('inspection.statuses.short'),
      over: t('inspection.statuses.over'),
    },
    findings: t('inspection.findings'),
    findingKinds: { 'unknown-item': t('inspection.findingKinds.unknown-item'), 'wrong-seller': t('inspection.findingKinds.wrong-seller') },
    none: t('inspection.noDiscrepancy'),
  });

  return (
    <div className="row wrap actions">
      <button
        type="button"
        className="primary"
        data-testid="print-labels"
        onClick={() => void station.call('printing.skuLabels', { bundleId: view.bundle.id }).then(printed).catch(fail)}
      >
        {t('inspection.printLabels')}
      </button>
      <button
        type="button"
        data-testid="report-pdf"
        onClick={() =>
          void station
            .call('inspection.reportPdf', { bundleId: view.bundle.id, wording: wording() })
            .then((result) => setSaved(result.path))
            .catch(fail)
        }
      >
        {t('inspection.reportPdf')}
      </button>
      <button
        type="button"
        data-testid="report-print"
        onClick={() =>
          void station
            .call('inspection.printReport', { bundleId: view.bundle.id, wording: wording() })
            .then((result) => {
              setSaved(result.path);
              setReportJob(result.job);
              signalPrint(
                result.job,
                (tr) =>
                  tr('printing.job', {
                    document: tr('printing.documents.discrepancy-report'),
                    printer: printerName(tr, result.job),
                    state: tr('printing.states.done'),
                  }),
                'discrepancy-report',
              );
            })
            .catch(fail)
        }
      >
        {t('printing.printReport')}
      </button>
      {reportJob ? <PrintJobResult job={reportJob} fallback="discrepancy-report" testId="report-print-job" onRetried={setReportJob} /> : null}
      {job ? <PrintJobResult job={job} fallback="sku-labels" testId="print-job" onRetried={setJob} /> : null}
      {job && job.state === 'done' ? (
        <button type="button" data-testid="reprint" onClick={() => void station.call('printing.reprint', { jobId: job.jobId }).then(setJob).catch(fail)}>
          {t('inspection.reprint')}
        </button>
      ) : null}
      {saved ? (
        <p role="status" data-testid="report-saved">
          {t('inspection.reportSaved', { path: saved })}
        </p>
      ) : null}
    </div>
  );
}

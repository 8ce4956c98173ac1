import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../shared/contract/receiving';
import { useReveal } from '../../ui/reveal';
import { findingDetails } from './finding-details';
import { ReportActions } from './ReportActions';

/** What came out different from the announcement: over and short lines, unknown and wrong-seller items. */
export function DiscrepancyReport({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const lines = view.lines.filter((line) => line.status === 'over' || line.status === 'short');
  // It appears below the whole table when inspection ends: brought into view at 1280×800, not left to be hunted for.
  const ref = useReveal<HTMLElement>([view.bundle.id]);
  return (
    <section className="report" data-testid="discrepancy-report" ref={ref}>
      <h2>{t('inspection.report')}</h2>
      <p data-testid="report-people">
        {t('receiving.seller')}: {view.bundle.sellerName} ・ {t('inspection.inspector')}: {view.inspectors.length > 0 ? view.inspectors.join('、') : '—'}
      </p>
      {lines.length === 0 && view.findings.length === 0 ? <p>{t('inspection.noDiscrepancy')}</p> : null}
      <ul>
        {lines.map((line) => (
          <li key={line.lineId} data-testid={`report-${line.sku}`}>
            {t(`inspection.statuses.${line.status}`)}: {line.itemName} {line.optionName} ({line.sku}){' '}
            {t('inspection.expectedCounted', { expected: line.expected ?? 0, counted: line.counted })}
          </li>
        ))}
        {view.findings.map((finding, index) => (
          <li key={`${finding.code}-${index}`} data-testid="report-finding">
            {t(`inspection.findingKinds.${finding.kind}`)} × {finding.quantity} — {findingDetails(t, finding)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('inspection.sentToHub')}</p>
      <ReportActions view={view} />
    </section>
  );
}

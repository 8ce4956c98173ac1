import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionScanResult, InspectionView } from '../../../shared/contract/receiving';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';
import { DiscrepancyReport } from './DiscrepancyReport';
import { useInspection } from './inspection-store';

const lineReasons = ['short', 'over', 'damaged', 'mixed', 'other'] as const;
type Reason = (typeof lineReasons)[number];

export function InspectionTable({ view, onAnswer, onClose }: { view: InspectionView; onAnswer(result: InspectionScanResult): void; onClose(): void }) {
  const { t } = useTranslation();
  const show = useInspection((state) => state.show);
  const [keyed, setKeyed] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, Reason> | null>(null);
  const differing = view.lines.filter((line) => line.status === 'short' || line.status === 'counting' || line.status === 'over' || (line.status === 'pending' && line.expected !== null));
  const bundleId = view.bundle.id;
  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));

  const keyCount = (lineId: string) => {
    const count = Number(keyed[lineId]);
    if (!Number.isInteger(count) || count < 0 || keyed[lineId] === '') {
      useFeedback.getState().signal('bad', t('receiving.reasons.bad-count'));
      return;
    }
    void station.call('inspection.key', { bundleId, lineId, count }).then(onAnswer).catch(fail);
    setKeyed({ ...keyed, [lineId]: '' });
  };
  // Blind mode cannot ask about differences it may not show; the station records them as short or over.
  const askReasons = () =>
    view.blind || differing.length === 0
      ? finish({})
      : setReasons(Object.fromEntries(differing.map((line) => [line.lineId, line.status === 'over' ? 'over' : 'short'])));
  const finish = (chosen: Record<string, Reason>) =>
    void station
      .call('inspection.finish', { bundleId, reasons: Object.entries(chosen).map(([lineId, reason]) => ({ lineId, reason, note: null })) })
      .then((finished) => {
        show(finished);
        useFeedback.getState().signal('done', t('inspection.finishedSignal', { id: bundleId }));
      })
      .catch(fail);

  return (
    <section className="screen" data-testid="inspection" aria-labelledby="inspection-title">
      <h1 id="inspection-title">
        {t('areas.inspection')}: {bundleId} ({view.bundle.sellerId}) {view.bundle.late ? <span className="badge bad">{t('receiving.late')}</span> : null}
      </h1>
      <p className="hint">{view.blind ? t('inspection.blindHint') : t('inspection.hint')}</p>
      <p className="counters">
        <span className="counter">
          {t('inspection.total')} <b data-testid="inspection-total">{view.totals.counted}</b>
          {view.totals.expected !== null ? ` / ${view.totals.expected}` : ''}
        </span>
      </p>
      <table className="scan-table" data-testid="inspection-lines">
        <thead>
          <tr>
            <th>{t('inspection.item')}</th>
            <th>SKU</th>
            <th>{t('inspection.expected')}</th>
            <th>{t('inspection.counted')}</th>
            <th>{t('inspection.status')}</th>
            <th>{t('inspection.keyCount')}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line) => (
            <tr key={line.lineId} className={line.status === 'over' || line.status === 'short' ? 'bad' : ''} data-testid={`line-${line.sku}`}>
              <td>
                {line.itemName}
                <br />
                <small>{line.optionName}</small>
              </td>
              <td className="code">{line.sku}</td>
              <td>{line.expected ?? '—'}</td>
              <td data-testid={`counted-${line.sku}`}>{line.counted}</td>
              <td data-testid={`status-${line.sku}`}>{t(`inspection.statuses.${line.status}`)}</td>
              <td>
                {view.finished ? null : (
                  <span className="row">
                    <input
                      aria-label={t('inspection.keyCount')}
                      inputMode="numeric"
                      value={keyed[line.lineId] ?? ''}
                      onChange={(event) => setKeyed({ ...keyed, [line.lineId]: event.target.value.replace(/\D/g, '') })}
                      onKeyDown={(event) => event.key === 'Enter' && keyCount(line.lineId)}
                      data-testid={`key-${line.sku}`}
                    />
                    <button type="button" onClick={() => keyCount(line.lineId)}>
                      {t('inspection.set')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.finished ? (
        <DiscrepancyReport view={view} />
      ) : (
        <div className="row actions">
          <button type="button" disabled={!view.canUndo} onClick={() => void station.call('inspection.undo', { bundleId }).then(onAnswer).catch(fail)} data-testid="inspection-undo">
            {t('inspection.undo')}
          </button>
          <button type="button" className="primary" onClick={askReasons} data-testid="inspection-finish">
            {t('inspection.finish')}
          </button>
        </div>
      )}
      {reasons && !view.finished ? (
        <div className="report" role="dialog" aria-modal="false" data-testid="finish-reasons">
          <p>{t('inspection.confirmFinish')}</p>
          {differing.map((line) => (
            <label key={line.lineId} className="row">
              <span>
                {line.itemName} {line.optionName} ({line.counted} / {line.expected ?? '—'})
              </span>
              <select value={reasons[line.lineId]} data-testid={`reason-${line.sku}`} onChange={(event) => setReasons({ ...reasons, [line.lineId]: event.target.value as Reason })}>
                {lineReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`inspection.reasons.${reason}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <div className="row">
            <button type="button" className="secondary" onClick={() => setReasons(null)}>
              {t('inspection.cancel')}
            </button>
            <button type="button" className="primary" data-testid="finish-confirm" onClick={() => finish(reasons)}>
              {t('inspection.confirm')}
            </button>
          </div>
        </div>
      ) : null}
      <p>
        <button type="button" className="secondary" onClick={onClose}>
          {t('inspection.otherBundle')}
        </button>
      </p>
    </section>
  );
}

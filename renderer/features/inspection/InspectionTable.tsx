import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionScanResult, InspectionView } from '../../../shared/contract/receiving';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useReveal } from '../../ui/reveal';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useFeedback } from '../scanning/feedback-store';
import { damagedLines } from './damaged-units';
import { DiscrepancyReport } from './DiscrepancyReport';
import { useInspection } from './inspection-store';

const lineReasons = ['short', 'over', 'damaged', 'mixed', 'other'] as const;
type Reason = (typeof lineReasons)[number];

export function InspectionTable({ view, onAnswer, onClose }: { view: InspectionView; onAnswer(result: InspectionScanResult): void; onClose(): void }) {
  const { t } = useTranslation();
  const show = useInspection((state) => state.show);
  const [keyed, setKeyed] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, Reason> | null>(null);
  // Of a line given the reason 'damaged': how many of its counted units are damaged (kept apart by the hub).
  const [damaged, setDamaged] = useState<Record<string, string>>({});
  // Finishing with damage to record: every counted line offers its damaged units, not only the lines that differ.
  const [withDamage, setWithDamage] = useState(false);
  // A keyed count that would replace units already scanned waits here until the clerk says so.
  const [replacing, setReplacing] = useState<{ lineId: string; count: number } | null>(null);
  const differing = view.lines.filter(
    (line) => line.status === 'short' || line.status === 'counting' || line.status === 'over' || (line.status === 'pending' && line.expected !== null),
  );
  // Lines nobody counted: finishing records them as 0, so the clerk is asked first, even in blind mode.
  const uncounted = view.lines.filter((line) => line.counted === 0);
  const bundleId = view.bundle.id;
  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));
  // The finish and replace dialogs open below a long table: brought into view, not left to be hunted for.
  const dialog = useReveal<HTMLDivElement>([reasons, replacing]);

  const sendKey = (lineId: string, count: number) => {
    setReplacing(null);
    const before = view.lines.find((line) => line.lineId === lineId);
    void station
      .call('inspection.key', { bundleId, lineId, count })
      .then((result) => {
        if (result.verdict === 'refused' || !before) return onAnswer(result);
        show(result.view);
        const line = result.view.lines.find((candidate) => candidate.lineId === lineId);
        const over = line?.expected !== null && line?.expected !== undefined && count > line.expected;
        useFeedback
          .getState()
          .signal(over ? 'bad' : 'good', (tt) =>
            tt('inspection.keyedSignal', { name: `${before.itemName} ${before.optionName}`, before: before.counted, count }),
          );
      })
      .catch(fail);
  };
  const keyCount = (lineId: string) => {
    const count = Number(keyed[lineId]);
    if (!Number.isInteger(count) || count < 0 || keyed[lineId] === '') {
      useFeedback.getState().signal('bad', t('receiving.reasons.bad-count'));
      return;
    }
    setKeyed({ ...keyed, [lineId]: '' });
    const line = view.lines.find((candidate) => candidate.lineId === lineId);
    // A keyed count sets the line; over scanned units it is a replacement, said so and confirmed, never a surprise.
    if (line && line.counted > 0 && line.counted !== count) setReplacing({ lineId, count });
    else sendKey(lineId, count);
  };
  const undo = () =>
    void station
      .call('inspection.undo', { bundleId })
      .then((result) => {
        if (!result.undone) return onAnswer(result);
        show(result.view);
        const line = result.view.lines.find((candidate) => candidate.lineId === result.undone?.lineId);
        useFeedback
          .getState()
          .signal('good', (tt) =>
            line
              ? tt('inspection.undoneUnits', { name: `${line.itemName} ${line.optionName}`, counted: line.counted })
              : tt('inspection.undoneFind', { code: result.undone?.code ?? '' }),
          );
      })
      .catch(fail);
  // Blind mode cannot ask about differences it may not show (the station records them as short or over), but it
  // can and does list the lines nobody counted.
  const askReasons = (damage = false) => {
    setWithDamage(damage);
    if ((view.blind || differing.length === 0) && uncounted.length === 0 && !damage) return finish({});
    setReasons(view.blind ? {} : Object.fromEntries(differing.map((line) => [line.lineId, line.status === 'over' ? 'over' : 'short'])));
  };
  const shownDiffering = view.blind ? [] : differing;
  // Lines that match (or, blind, every line): with damage to record, their damaged units alone.
  const damageOnly = withDamage ? view.lines.filter((line) => line.counted > 0 && !shownDiffering.includes(line)) : [];
  const finish = (given: Record<string, Reason>) => {
    const chosen: Record<string, Reason> = { ...given };
    for (const line of damageOnly) if ((damaged[line.lineId] ?? '').trim() !== '' && damaged[line.lineId]!.trim() !== '0') chosen[line.lineId] = 'damaged';
    const lines = damagedLines(chosen, damaged, view);
    if (!lines.ok) return useFeedback.getState().signal('bad', (tt) => tt('inspection.badDamaged', { counted: lines.counted }));
    void station
      .call('inspection.finish', {
        bundleId,
        reasons: Object.entries(chosen).map(([lineId, reason]) => ({ lineId, reason, note: null, ...lines.units(lineId) })),
      })
      .then((finished) => {
        show(finished);
        useFeedback.getState().signal('done', t('inspection.finishedSignal', { id: bundleId }));
      })
      .catch(fail);
  };

  return (
    <section className="screen" data-testid="inspection" aria-labelledby="inspection-title">
      <h1 id="inspection-title">
        {t('areas.inspection')}: {bundleId} ({view.bundle.sellerName}) {view.bundle.late ? <span className="badge bad">{t('receiving.late')}</span> : null}
      </h1>
      <p className="hint">{view.blind ? t('inspection.blindHint') : t('inspection.hint')}</p>
      <p className="counters">
        <span className="counter">
          {t('inspection.total')} <b data-testid="inspection-total">{view.totals.counted}</b>
          {view.totals.expected !== null ? ` / ${view.totals.expected}` : ''}
        </span>
        {/* Short and over apart: one line 5 short and another 5 over is not "75 / 75". */}
        {view.totals.short ? (
          <span className="counter bad" data-testid="inspection-short">
            {t('inspection.shortTotal', { count: view.totals.short })}
          </span>
        ) : null}
        {view.totals.over ? (
          <span className="counter bad" data-testid="inspection-over">
            {t('inspection.overTotal', { count: view.totals.over })}
          </span>
        ) : null}
      </p>
      <ScanTable
        testId="inspection-lines"
        headers={[t('inspection.item'), 'SKU', t('inspection.expected'), t('inspection.counted'), t('inspection.status'), t('inspection.keyCount')]}
      >
        {view.lines.map((line) => (
          <ScanRow key={line.lineId} tone={line.status === 'over' || line.status === 'short' ? 'bad' : null} testId={`line-${line.sku}`}>
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
          </ScanRow>
        ))}
      </ScanTable>
      {view.finished ? (
        <DiscrepancyReport view={view} />
      ) : (
        <div className="row actions">
          <button type="button" disabled={!view.canUndo} onClick={undo} data-testid="inspection-undo">
            {t('inspection.undo')}
          </button>
          <button type="button" className="secondary" onClick={() => askReasons(true)} data-testid="inspection-finish-damaged">
            {t('inspection.finishWithDamage')}
          </button>
          <button type="button" className="primary" onClick={() => askReasons()} data-testid="inspection-finish">
            {t('inspection.finish')}
          </button>
        </div>
      )}
      {replacing && !view.finished ? (
        <div className="report" role="alertdialog" aria-modal="false" data-testid="key-confirm" ref={dialog}>
          <p>
            {view.lines.find((line) => line.lineId === replacing.lineId)?.itemName}:{' '}
            {t('inspection.keyReplace', { count: replacing.count, scanned: view.lines.find((line) => line.lineId === replacing.lineId)?.counted ?? 0 })}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => setReplacing(null)}>
              {t('inspection.cancel')}
            </button>
            <button type="button" className="primary" data-testid="key-confirm-yes" onClick={() => sendKey(replacing.lineId, replacing.count)}>
              {t('inspection.keyReplaceConfirm')}
            </button>
          </div>
        </div>
      ) : null}
      {reasons && !view.finished ? (
        <div className="report" role="dialog" aria-modal="false" data-testid="finish-reasons" ref={dialog}>
          {uncounted.length > 0 ? (
            <div className="result bad" data-testid="uncounted">
              <p>{t('inspection.uncounted', { count: uncounted.length })}</p>
              <ul>
                {uncounted.map((line) => (
                  <li key={line.lineId} data-testid={`uncounted-${line.sku}`}>
                    {line.itemName} {line.optionName} ({line.sku})
                  </li>
                ))}
              </ul>
              <p>{t('inspection.confirmUncounted')}</p>
            </div>
          ) : null}
          {view.blind || differing.length === 0 ? null : <p>{t('inspection.confirmFinish')}</p>}
          {shownDiffering.map((line) => (
            <label key={line.lineId} className="row">
              <span>
                {line.itemName} {line.optionName} ({line.counted} / {line.expected ?? '—'})
              </span>
              <select
                value={reasons[line.lineId]}
                data-testid={`reason-${line.sku}`}
                onChange={(event) => setReasons({ ...reasons, [line.lineId]: event.target.value as Reason })}
              >
                {lineReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`inspection.reasons.${reason}`)}
                  </option>
                ))}
              </select>
              {reasons[line.lineId] === 'damaged' ? (
                <input
                  aria-label={t('inspection.damagedUnits')}
                  placeholder={t('inspection.damagedUnits')}
                  inputMode="numeric"
                  value={damaged[line.lineId] ?? ''}
                  onChange={(event) => setDamaged({ ...damaged, [line.lineId]: event.target.value })}
                  data-testid={`damaged-${line.sku}`}
                />
              ) : null}
            </label>
          ))}
          {damageOnly.length > 0 ? <p>{t('inspection.damagedHint')}</p> : null}
          {damageOnly.map((line) => (
            <label key={line.lineId} className="row">
              <span>
                {line.itemName} {line.optionName} ({line.counted})
              </span>
              <input
                aria-label={t('inspection.damagedUnits')}
                placeholder={t('inspection.damagedUnits')}
                inputMode="numeric"
                value={damaged[line.lineId] ?? ''}
                onChange={(event) => setDamaged({ ...damaged, [line.lineId]: event.target.value })}
                data-testid={`damaged-${line.sku}`}
              />
            </label>
          ))}
          <div className="row">
            <button type="button" className="secondary" data-testid="finish-cancel" onClick={() => setReasons(null)}>
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

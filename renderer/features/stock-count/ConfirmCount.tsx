import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockCountItem, StockCountTarget } from '../../../shared/contract/stock-count';
import { countVariance, needsSecondBadge, stockCountReasons, type StockCountReason } from '../../../shared/domain/stock-count';
import { useReveal } from '../../ui/reveal';
import { useStationCall } from '../../ui/use-station';
import { useFeedback } from '../scanning/feedback-store';
import { signed } from './count-input';
import { useStockCount } from './stock-count-store';

/**
 * Confirming one SKU's count: the book, what was found and the difference, a reason (text for "other"), and above the
 * threshold a second supervisor's badge (scanned into the field: the screen sends scans here while it is open). The
 * count is recorded only once the station has it in its outbox; a refusal says why and records nothing.
 */
export function ConfirmCount({
  target,
  item,
  counted,
  badge,
  onBadge,
  onRecorded,
}: {
  target: StockCountTarget;
  item: StockCountItem;
  counted: number;
  badge: string;
  onBadge(badge: string): void;
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const { busy, run } = useStationCall();
  const [reason, setReason] = useState<StockCountReason | ''>('');
  const [note, setNote] = useState('');
  const variance = countVariance({ book: item.book, counted });
  const twoBadges = needsSecondBadge(variance, target.secondBadgeAbove);
  const panel = useReveal<HTMLDivElement>([item.sku]);
  const name = `${item.itemName} ${item.optionName}`;

  const record = async () => {
    const result = await run('stockCount.confirm', {
      branchCode: target.branchCode,
      sku: item.sku,
      bin: target.bin,
      counted,
      reason: reason === '' ? null : reason,
      note: note.trim() === '' ? null : note.trim(),
      secondBadge: twoBadges && badge.trim() !== '' ? badge.trim() : null,
    });
    if (!result) return;
    if (result.verdict === 'refused') {
      // A badge refused is cleared, so the next scan is the next try.
      if (result.refusal === 'same-person' || result.refusal === 'not-supervisor' || result.refusal === 'unknown-badge') onBadge('');
      useFeedback.getState().signal('bad', (tt) => tt(`stockCount.refusals.${result.refusal ?? 'bad-count'}`, { threshold: result.secondBadgeAbove }));
      return;
    }
    useFeedback.getState().signal('done', (tt) => tt('stockCount.recorded', { name, variance: signed(result.variance ?? 0) }));
    onRecorded();
  };

  return (
    <div className="report" role="dialog" aria-modal="false" data-testid="stock-count-confirm" ref={panel}>
      <h2>{t('stockCount.confirmTitle', { name })}</h2>
      <p data-testid="stock-count-summary" data-variance={variance}>
        {t('stockCount.summary', { book: item.book, counted, variance: signed(variance) })}
      </p>
      <label className="row">
        <span>{t('stockCount.reason')}</span>
        <select value={reason} data-testid="stock-count-reason" onChange={(event) => setReason(event.target.value as StockCountReason | '')}>
          <option value="">{t('stockCount.chooseReason')}</option>
          {stockCountReasons.map((choice) => (
            <option key={choice} value={choice}>
              {t(`stockCount.reasons.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        <span>{t('stockCount.note')}</span>
        <input value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} data-testid="stock-count-note" />
      </label>
      {twoBadges ? (
        <>
          <p className="hint" data-testid="stock-count-badge-hint">
            {t('stockCount.secondBadgeHint', { threshold: target.secondBadgeAbove })}
          </p>
          <label className="row">
            <span>{t('stockCount.secondBadge')}</span>
            {/* A badge is a credential: not shown on the screen once scanned. */}
            <input type="password" autoComplete="off" value={badge} onChange={(event) => onBadge(event.target.value)} data-testid="stock-count-badge" />
          </label>
        </>
      ) : null}
      <div className="row">
        <button type="button" className="secondary" data-testid="stock-count-back" onClick={() => useStockCount.getState().confirm(null)}>
          {t('stockCount.cancel')}
        </button>
        <button type="button" className="primary" data-testid="stock-count-record" disabled={busy} onClick={() => void record()}>
          {t('stockCount.record')}
        </button>
      </div>
    </div>
  );
}

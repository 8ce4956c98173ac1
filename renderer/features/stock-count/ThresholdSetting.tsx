import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../ui/LoadState';
import { useStationCall, useStationLoad } from '../../ui/use-station';
import { useFeedback } from '../scanning/feedback-store';
import { parseCount } from './count-input';

/**
 * The station's two-badge threshold, for an admin: a difference above it needs a second supervisor's badge. Set
 * higher than the hub's, the hub refuses such counts; so it is an admin's setting, not the counting supervisor's.
 */
export function ThresholdSetting({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const load = useStationLoad('stockCount.threshold', {});
  const { busy, run } = useStationCall();
  const [units, setUnits] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseCount(units);
    if (value === null) return useFeedback.getState().signal('bad', (tt) => tt('stockCount.refusals.bad-count'));
    const saved = await run('stockCount.setThreshold', { secondBadgeAbove: value });
    if (!saved) return;
    setUnits('');
    load.reload();
    onSaved();
    useFeedback.getState().signal('done', (tt) => tt('stockCount.thresholdSaved', { units: saved.secondBadgeAbove }));
  };

  return (
    <form className="row wrap" onSubmit={(event) => void save(event)} data-testid="stock-count-threshold">
      <LoadState load={load} testId="stock-count-threshold" />
      <label>
        {t('stockCount.threshold', { units: load.data?.secondBadgeAbove ?? '—' })}
        <input inputMode="numeric" value={units} onChange={(event) => setUnits(event.target.value)} data-testid="stock-count-threshold-units" />
      </label>
      <button type="submit" className="secondary" disabled={busy || units.trim() === ''}>
        {t('stockCount.thresholdSave')}
      </button>
    </form>
  );
}

import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/domain/display-time';
import type { Scan } from '../../../shared/contract/schemas';
import { useScanLog } from './scan-store';
import { WedgeSettingsForm } from './WedgeSettingsForm';

/**
 * The newest scans shown; the counters cover all. Rendering a list that grows with every scan would make each scan
 * slower to answer than the one before.
 */
const shownRows = 200;

/** Where a clerk checks that a scanner works: the scans of this session, newest first, with their verdicts. */
export function ScanCheckScreen() {
  const { t } = useTranslation();
  const scans = useScanLog((state) => state.scans);
  const good = useScanLog((state) => state.good);
  const bad = useScanLog((state) => state.bad);
  const clear = useScanLog((state) => state.clear);
  const [note, setNote] = useState('');

  return (
    <section className="screen scan-check" data-testid="scan-check" aria-labelledby="scan-check-title">
      <h1 id="scan-check-title">{t('scan.title')}</h1>
      <p className="hint">{t('scan.hint')}</p>
      <div className="counters">
        <span className="counter ok">
          {t('scan.good')} <b data-testid="count-good">{good}</b>
        </span>
        <span className="counter bad">
          {t('scan.bad')} <b data-testid="count-bad">{bad}</b>
        </span>
        <span className="counter">
          {t('scan.total')} <b data-testid="count-total">{scans.length}</b>
        </span>
        <button type="button" className="secondary" onClick={clear}>
          {t('scan.clear')}
        </button>
      </div>
      <label className="note">
        {t('scan.note')}
        <input value={note} onChange={(event) => setNote(event.target.value)} data-testid="note-input" />
      </label>
      {scans.length === 0 ? (
        <p className="waiting">{t('scan.waiting')}</p>
      ) : (
        <table className="scan-table">
          <thead>
            <tr>
              <th>{t('scan.seq')}</th>
              <th>{t('scan.code')}</th>
              <th>{t('scan.symbology')}</th>
              <th>{t('scan.source')}</th>
              <th>{t('scan.verdict')}</th>
              <th>{t('scan.time')}</th>
            </tr>
          </thead>
          <tbody data-testid="scan-rows">
            {scans
              .slice(-shownRows)
              .reverse()
              .map((scan) => (
                <ScanRow key={scan.id} scan={scan} />
              ))}
          </tbody>
        </table>
      )}
      <WedgeSettingsForm />
    </section>
  );
}

const ScanRow = memo(function ScanRow({ scan }: { scan: Scan }) {
  const { t } = useTranslation();
  return (
    <tr className={scan.verdict} data-testid="scan-row" data-seq={scan.seq}>
      <td>{scan.seq}</td>
      <td className="code" data-testid="scan-text">
        {scan.text}
      </td>
      <td>{t(`symbologies.${scan.symbology}`)}</td>
      <td>{t(`scan.sources.${scan.source}`)}</td>
      <td>{scan.verdict === 'good' ? t('scan.good') : t(`scan.badReasons.${scan.badReason ?? 'unfinished'}`)}</td>
      <td>{formatTime(scan.at, { seconds: true })}</td>
    </tr>
  );
});

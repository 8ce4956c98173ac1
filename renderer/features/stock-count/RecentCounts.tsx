import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/domain/display-time';
import { LoadState } from '../../ui/LoadState';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useStationLoad } from '../../ui/use-station';
import { useStationStatus } from '../shell/status-store';
import { signed } from './count-input';

/**
 * This station's counts, newest first, each with what the hub has said: waiting in the outbox, applied, or refused
 * with the hub's reason. Asked again whenever the outbox moves (a count sent, the hub back), and after each count.
 */
export function RecentCounts({ version }: { version: number }) {
  const { t } = useTranslation();
  const depth = useStationStatus((state) => state.status?.outboxDepth ?? null);
  const load = useStationLoad('stockCount.recent', { limit: 20 });
  const { reload } = load;
  // Asked again when the outbox moves or a count is recorded; the first load is the hook's own.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [depth, version, reload]);
  const counts = load.data ?? [];
  return (
    <>
      <h2>{t('stockCount.recent')}</h2>
      <LoadState load={load} testId="stock-count-recent" />
      {load.data && counts.length === 0 ? <p className="hint">{t('stockCount.none')}</p> : null}
      {counts.length > 0 ? (
        <ScanTable
          testId="stock-count-recent"
          headers={[
            t('stockCount.time'),
            t('stockCount.item'),
            t('stockCount.bin'),
            t('stockCount.book'),
            t('stockCount.counted'),
            t('stockCount.variance'),
            t('stockCount.reason'),
            t('stockCount.state'),
          ]}
        >
          {counts.map((count) => (
            <ScanRow
              key={count.eventId}
              testId={`stock-count-recent-${count.eventId}`}
              tone={count.state === 'rejected' ? 'bad' : null}
              data={{ 'data-sku': count.sku, 'data-state': count.state, 'data-variance': count.variance }}
            >
              <td>
                {formatTime(count.at, { seconds: true })}
                {count.userName ? (
                  <>
                    <br />
                    <small>{count.userName}</small>
                  </>
                ) : null}
              </td>
              <td>
                {count.itemName}
                <br />
                <small className="code">{count.sku}</small>
              </td>
              <td className="code">{count.bin ?? '—'}</td>
              <td>{count.book}</td>
              <td>{count.counted}</td>
              <td>{signed(count.variance)}</td>
              <td>
                {t(`stockCount.reasons.${count.reason}`)}
                {count.note ? ` (${count.note})` : ''}
                {count.secondApproverId ? (
                  <>
                    <br />
                    <small>{t('stockCount.approvedBy', { id: count.secondApproverName ?? count.secondApproverId })}</small>
                  </>
                ) : null}
              </td>
              <td data-testid={`stock-count-state-${count.eventId}`}>
                {t(`stockCount.states.${count.state}`)}
                {count.rejectedReason ? `: ${count.rejectedReason}` : ''}
              </td>
            </ScanRow>
          ))}
        </ScanTable>
      ) : null}
    </>
  );
}

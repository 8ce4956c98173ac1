import { useTranslation } from 'react-i18next';
import type { BundleSummary } from '../../../shared/contract/receiving';
import { useDisplayTime } from '../../ui/display-time';

/**
 * Bundles as a table with one large action per row; shared by the dock and the inspection picker. A bundle that
 * cannot take the action yet says what it waits for instead of offering a button that would only refuse.
 */
export function BundleList({ bundles, action, onAction }: { bundles: BundleSummary[]; action: string; onAction(bundle: BundleSummary): void }) {
  const { t } = useTranslation();
  const display = useDisplayTime();
  if (bundles.length === 0) return <p className="waiting">{t('receiving.none')}</p>;
  return (
    <table className="scan-table" data-testid="bundle-list">
      <thead>
        <tr>
          <th>{t('receiving.bundle')}</th>
          <th>{t('receiving.seller')}</th>
          <th>{t('receiving.state')}</th>
          <th>{t('receiving.eta')}</th>
          <th>{t('receiving.units')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {bundles.map((bundle) => (
          <tr key={bundle.id} data-testid={`bundle-${bundle.id}`}>
            <td>
              {bundle.id} {bundle.late ? <span className="badge bad">{t('receiving.late')}</span> : null}
              {bundle.holdReason ? (
                <span className="badge warn" data-testid={`hold-${bundle.id}`}>
                  {t('receiving.held')}: {t(`receiving.holdReasons.${bundle.holdReason}`, { defaultValue: bundle.holdReason })}
                </span>
              ) : null}
            </td>
            <td title={bundle.sellerId}>{bundle.sellerName}</td>
            <td>{t(`receiving.states.${bundle.state}`)}</td>
            <td>{display.day(bundle.estimatedArrival)}</td>
            <td>{bundle.units}</td>
            <td>
              {bundle.waitingFor ? (
                <span className="hint" data-testid={`bundle-waiting-${bundle.id}`}>
                  {t(`receiving.waitingFor.${bundle.waitingFor}`)}
                </span>
              ) : (
                <button type="button" onClick={() => onAction(bundle)} data-testid={`bundle-action-${bundle.id}`}>
                  {action}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import type { BundleSummary } from '../../../shared/contract/receiving';
import { useDisplayTime } from '../../ui/display-time';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { bundleStateText } from './bundle-state-text';

/**
 * Bundles as a table with one large action per row; shared by the dock and the inspection picker. A bundle that
 * cannot take the action yet says what it waits for instead of offering a button that would only refuse.
 */
export function BundleList({ bundles, action, onAction }: { bundles: BundleSummary[]; action: string; onAction(bundle: BundleSummary): void }) {
  const { t } = useTranslation();
  const display = useDisplayTime();
  if (bundles.length === 0) return <p className="waiting">{t('receiving.none')}</p>;
  return (
    <ScanTable
      testId="bundle-list"
      headers={[t('receiving.bundle'), t('receiving.seller'), t('receiving.state'), t('receiving.eta'), t('receiving.units'), null]}
    >
      {bundles.map((bundle) => (
        <ScanRow key={bundle.id} testId={`bundle-${bundle.id}`}>
          <td>
            {bundle.id} {bundle.late ? <span className="badge bad">{t('receiving.late')}</span> : null}
            {bundle.holdReason ? (
              <span className="badge warn" data-testid={`hold-${bundle.id}`}>
                {t('receiving.held')}: {t(`receiving.holdReasons.${bundle.holdReason}`, { defaultValue: bundle.holdReason })}
              </span>
            ) : null}
          </td>
          <td title={bundle.sellerId}>{bundle.sellerName}</td>
          <td>{bundleStateText(t, bundle.state)}</td>
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
        </ScanRow>
      ))}
    </ScanTable>
  );
}

import { useTranslation } from 'react-i18next';
import { isClockSkewed, skewMinutes } from '../../../shared/domain/clock-skew';
import { useStationStatus } from './status-store';

/**
 * A warning on the status bar when this station's clock is more than a couple of minutes off the hub's: the station
 * stamps every scan with its own clock, and the hub books parcels and receipts on that time, so a wrong clock puts
 * them on the wrong day near midnight. Nothing is shown while the clocks agree or the hub has not answered yet.
 */
export function ClockSkewStatus() {
  const { t } = useTranslation();
  const offsetMs = useStationStatus((state) => state.status?.clockOffsetMs ?? null);
  if (!isClockSkewed(offsetMs)) return null;
  return (
    <span data-testid="status-clock-skew" className="warn" role="status">
      {t('status.clockSkew', { minutes: skewMinutes(offsetMs) })}
    </span>
  );
}

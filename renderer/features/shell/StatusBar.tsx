import { useTranslation } from 'react-i18next';
import { PrintJobsStatus } from '../printing/PrintJobsStatus';
import { OfflineSignInMark } from '../sign-in/OfflineSignInMark';
import { EmbeddedHubNote } from './EmbeddedHubNote';
import { ClockSkewStatus } from './ClockSkewStatus';
import { useStationStatus } from './status-store';

const hubText = { online: 'status.hubOnline', offline: 'status.hubOffline', 'not-configured': 'status.hubNotConfigured' } as const;

export function StatusBar() {
  const { t } = useTranslation();
  const status = useStationStatus((state) => state.status);
  if (!status) {
    return (
      <footer className="status-bar bad" data-testid="status-bar">
        {t('status.stationDisconnected')}
      </footer>
    );
  }
  const scannerText = !status.hidAvailable
    ? t('status.hidUnavailable')
    : status.scanners.length === 0
      ? t('status.noScanner')
      : t('status.scanners', { count: status.scanners.length });
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-hub" className={status.hub.state === 'online' && !status.hub.problem ? 'ok' : 'warn'}>
        {status.hub.problem?.code === 'hub-contract'
          ? t('status.hubContract', { route: status.hub.problem.route, version: status.hub.problem.hubVersion ?? '?' })
          : status.hub.problem?.code === 'feed-unread'
            ? t('status.feedUnread', { count: status.hub.problem.count })
            : t(hubText[status.hub.state])}{' '}
        <EmbeddedHubNote status={status.embeddedHub} /> <OfflineSignInMark />
      </span>
      <span data-testid="status-outbox" className={status.outboxDepth > 0 ? 'warn' : 'ok'}>
        {t('status.outbox', { count: status.outboxDepth })}
      </span>
      <span data-testid="status-scanners">{scannerText}</span>
      <ClockSkewStatus />
      <PrintJobsStatus />
    </footer>
  );
}

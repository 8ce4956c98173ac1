import { useTranslation } from 'react-i18next';
import type { EmbeddedHubStatus } from '../../../shared/contract/schemas';

/**
 * What happened to the station's own hub, when it is not simply running: it died and is being started again, it cannot
 * be started, or it was restarted. Said as such, so nobody goes looking at the network cable.
 */
export function EmbeddedHubNote({ status }: { status: EmbeddedHubStatus | null }) {
  const { t } = useTranslation();
  if (!status || (status.state === 'running' && status.restarts === 0)) return null;
  const text =
    status.state === 'restarting'
      ? t('status.embeddedHubRestarting', { count: status.restarts })
      : status.state === 'failed'
        ? t('status.embeddedHubFailed', { count: status.restarts })
        : t('status.embeddedHubRestarted', { count: status.restarts });
  return (
    <span
      data-testid="status-embedded-hub"
      data-state={status.state}
      className={status.state === 'running' ? 'ok' : status.state === 'failed' ? 'bad' : 'warn'}
    >
      {text}
    </span>
  );
}

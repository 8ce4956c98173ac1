import { useTranslation } from 'react-i18next';
import type { CupsQueueList as QueueList } from '../../../shared/contract/printer-profile';

/** This PC's CUPS queues as the station listed them (lpstat), or why there are none. */
export function CupsQueueList({ list, onRefresh }: { list: QueueList | null; onRefresh(): void }) {
  const { t } = useTranslation();
  return (
    <section data-testid="cups-queues" aria-labelledby="cups-queues-title">
      <h2 id="cups-queues-title">{t('printing.settings.queues')}</h2>
      {list && !list.available ? (
        <p className="result bad">{t(list.reason === 'lp-missing' ? 'printing.settings.lpMissing' : 'printing.settings.cupsNotRunning')}</p>
      ) : null}
      {list && list.available && list.queues.length === 0 ? <p className="hint">{t('printing.settings.noQueues')}</p> : null}
      <ul>
        {(list?.queues ?? []).map((queue) => (
          <li key={queue.name} data-testid={`cups-queue-${queue.name}`}>
            <span className="code">{queue.name}</span> — {t(`printing.settings.queueStates.${queue.state}`)}
            {queue.isDefault ? `（${t('printing.settings.default')}）` : ''}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="cups-queues-refresh" onClick={onRefresh}>
        {t('printing.settings.refresh')}
      </button>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printerKinds, type CupsQueueList as QueueList, type PrinterKind, type PrinterProfile } from '../../../shared/contract/printer-profile';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';
import { CupsQueueList } from './CupsQueueList';
import { PrinterSettings } from './PrinterSettings';

/** A supervisor's station settings: blind inspection, and the printer for each kind of document. */
export function StationSettingsScreen() {
  const { t } = useTranslation();
  const [blind, setBlind] = useState(false);
  const [printers, setPrinters] = useState<Record<PrinterKind, PrinterProfile> | null>(null);
  const [queues, setQueues] = useState<QueueList | null>(null);
  const fail = useCallback((error: unknown) => useFeedback.getState().signal('bad', errorText(t, error)), [t]);
  const loadQueues = useCallback(() => void station.call('printing.queues', {}).then(setQueues).catch(fail), [fail]);

  useEffect(() => {
    void station
      .call('station.settings', {})
      .then((settings) => {
        setBlind(settings.blind);
        setPrinters(settings.printers);
      })
      .catch(fail);
    loadQueues();
  }, [fail, loadQueues]);

  return (
    <section className="screen" data-testid="station-settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('areas.station-settings')}</h1>
      <label className="row">
        <input
          type="checkbox"
          checked={blind}
          data-testid="blind-toggle"
          onChange={(event) => {
            // Shown at once; put back if the station refuses.
            const wanted = event.target.checked;
            setBlind(wanted);
            void station
              .call('inspection.setBlind', { blind: wanted })
              .then((result) => setBlind(result.blind))
              .catch((error: unknown) => {
                setBlind(!wanted);
                fail(error);
              });
          }}
        />
        {t('stationSettings.blind')}
      </label>
      <h2>{t('printing.settings.title')}</h2>
      <p className="hint">{t('printing.settings.hint')}</p>
      <CupsQueueList list={queues} onRefresh={loadQueues} />
      {printers ? (
        <div className="printer-settings">
          {printerKinds.map((kind) => (
            <PrinterSettings key={kind} kind={kind} profile={printers[kind]} queues={queues} onSaved={setPrinters} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

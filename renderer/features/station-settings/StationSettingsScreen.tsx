import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printerKinds, type PrinterKind, type PrinterProfile } from '../../../shared/contract/printer-profile';
import { station } from '../../station-client/station-client';
import { LoadState } from '../../ui/LoadState';
import { signalRefusal, useStationLoad } from '../../ui/use-station';
import { CupsQueueList } from './CupsQueueList';
import { PrinterSettings } from './PrinterSettings';

/** A supervisor's station settings: blind inspection, and the printer for each kind of document. */
export function StationSettingsScreen() {
  const { t } = useTranslation();
  const [blind, setBlind] = useState(false);
  const [printers, setPrinters] = useState<Record<PrinterKind, PrinterProfile> | null>(null);
  // A refused load says why on the screen (and can be asked again) instead of leaving the printers out.
  const settings = useStationLoad('station.settings', {});
  const queues = useStationLoad('printing.queues', {});
  useEffect(() => {
    if (!settings.data) return;
    setBlind(settings.data.blind);
    setPrinters(settings.data.printers);
  }, [settings.data]);

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
                signalRefusal(error);
              });
          }}
        />
        {t('stationSettings.blind')}
      </label>
      <h2>{t('printing.settings.title')}</h2>
      <p className="hint">{t('printing.settings.hint')}</p>
      <LoadState load={queues} testId="cups-queues-load" />
      <CupsQueueList list={queues.data} onRefresh={queues.reload} />
      <LoadState load={settings} testId="station-settings-load" />
      {printers ? (
        <div className="printer-settings">
          {printerKinds.map((kind) => (
            <PrinterSettings key={kind} kind={kind} profile={printers[kind]} queues={queues.data} onSaved={setPrinters} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

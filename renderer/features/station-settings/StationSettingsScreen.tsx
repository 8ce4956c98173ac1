import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterProfileInput } from '../../../shared/contract/printer-profile';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';

type Draft = { name: string; kind: 'cups' | 'raw-tcp'; queue: string; host: string; port: string; format: 'pdf' | 'zpl'; media: 'roll-50x30' | 'a4-3x8' | 'a4-4x10' };

/** A supervisor's station settings: blind inspection, and which label printer this station prints to. */
export function StationSettingsScreen() {
  const { t } = useTranslation();
  const [blind, setBlind] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));

  useEffect(() => {
    void station.call('station.settings', {}).then((settings) => {
      setBlind(settings.blind);
      const printer = settings.labelPrinter;
      setDraft({
        name: printer.name,
        kind: printer.kind,
        queue: printer.kind === 'cups' ? printer.queue : '',
        host: printer.kind === 'raw-tcp' ? printer.host : '',
        port: printer.kind === 'raw-tcp' ? String(printer.port) : '9100',
        format: printer.format,
        media: printer.media,
      });
    });
  }, []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const common = { id: 'labels', name: draft.name, format: draft.format, media: draft.media };
    const profile: PrinterProfileInput =
      draft.kind === 'cups' ? { ...common, kind: 'cups', queue: draft.queue } : { ...common, kind: 'raw-tcp', host: draft.host, port: Number(draft.port) };
    void station
      .call('printing.setLabelPrinter', profile)
      .then(() => useFeedback.getState().signal('done', t('stationSettings.saved')))
      .catch(fail);
  };
  const change = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch });

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
      {draft ? (
        <form className="settings-form" onSubmit={save}>
          <h2>{t('stationSettings.labelPrinter')}</h2>
          <label>
            {t('stationSettings.printerName')}
            <input value={draft.name} onChange={(event) => change({ name: event.target.value })} />
          </label>
          <label>
            {t('stationSettings.kind')}
            <select value={draft.kind} data-testid="printer-kind" onChange={(event) => change({ kind: event.target.value as Draft['kind'] })}>
              <option value="cups">{t('stationSettings.kinds.cups')}</option>
              <option value="raw-tcp">{t('stationSettings.kinds.raw-tcp')}</option>
            </select>
          </label>
          {draft.kind === 'cups' ? (
            <label>
              {t('stationSettings.queue')}
              <input value={draft.queue} data-testid="printer-queue" onChange={(event) => change({ queue: event.target.value })} />
            </label>
          ) : (
            <>
              <label>
                {t('stationSettings.host')}
                <input value={draft.host} data-testid="printer-host" onChange={(event) => change({ host: event.target.value })} />
              </label>
              <label>
                {t('stationSettings.port')}
                <input value={draft.port} inputMode="numeric" data-testid="printer-port" onChange={(event) => change({ port: event.target.value.replace(/\D/g, '') })} />
              </label>
            </>
          )}
          <label>
            {t('stationSettings.format')}
            <select value={draft.format} onChange={(event) => change({ format: event.target.value as Draft['format'] })}>
              <option value="pdf">{t('stationSettings.formats.pdf')}</option>
              <option value="zpl">{t('stationSettings.formats.zpl')}</option>
            </select>
          </label>
          <label>
            {t('stationSettings.media')}
            <select value={draft.media} onChange={(event) => change({ media: event.target.value as Draft['media'] })}>
              <option value="roll-50x30">{t('stationSettings.medias.roll-50x30')}</option>
              <option value="a4-3x8">{t('stationSettings.medias.a4-3x8')}</option>
              <option value="a4-4x10">{t('stationSettings.medias.a4-4x10')}</option>
            </select>
          </label>
          <button type="submit" className="primary" data-testid="printer-save">
            {t('stationSettings.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

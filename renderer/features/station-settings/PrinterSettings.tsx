import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  documentsByPrinterKind,
  formatsByPrinterKind,
  mediaByPrinterKind,
  type CupsQueueList,
  type PrinterKind,
  type PrinterProfile,
} from '../../../shared/contract/printer-profile';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useFeedback } from '../scanning/feedback-store';
import { PrintJobResult } from '../printing/PrintJobResult';
import { signalPrint } from '../printing/print-signal';
import { useFollowedJob } from '../printing/use-followed-job';
import { draftOf, setPrinterInput, type PrinterDraft } from './printer-draft';

interface Props {
  kind: PrinterKind;
  profile: PrinterProfile;
  queues: CupsQueueList | null;
  onSaved(printers: Record<PrinterKind, PrinterProfile>): void;
}

/** One kind's printer: which documents go to it, where it is (a CUPS queue of this PC or a raw port), its paper, a test page. */
export function PrinterSettings({ kind, profile, queues, onSaved }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PrinterDraft>(() => draftOf(profile));
  const [testJob, setTestJob] = useFollowedJob();
  const change = (patch: Partial<PrinterDraft>) => setDraft({ ...draft, ...patch });
  const fail = (error: unknown) => useFeedback.getState().signal('bad', errorText(t, error));
  const kindName = t(`printing.kinds.${kind}`);
  const queueNames = (queues?.queues ?? []).map((queue) => queue.name);
  // The saved queue stays choosable even when this PC does not list it (then the test print says it is missing).
  const choices = draft.queue && !queueNames.includes(draft.queue) ? [draft.queue, ...queueNames] : queueNames;
  const id = (part: string) => `printer-${kind}-${part}`;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void station
      .call('printing.setPrinter', setPrinterInput(kind, draft))
      .then((printers) => {
        onSaved(printers);
        useFeedback.getState().signal('done', t('printing.settings.saved', { kind: kindName }));
      })
      .catch(fail);
  };
  const test = () =>
    void station
      .call('printing.test', { kind })
      .then((job) => {
        setTestJob(job);
        signalPrint(job, (tr) => tr('printing.settings.testDone', { kind: tr(`printing.kinds.${kind}`) }), 'test-page');
      })
      .catch(fail);

  return (
    <form onSubmit={save} data-testid={id('form')} aria-labelledby={id('title')}>
      <fieldset>
        <legend id={id('title')}>{kindName}</legend>
        <p className="hint" data-testid={id('documents')}>
          {t('printing.settings.goesHere', { documents: documentsByPrinterKind[kind].map((document) => t(`printing.documents.${document}`)).join('、') })}
        </p>
        <label>
          {t('stationSettings.kind')}
          <select
            value={draft.connection}
            data-testid={id('connection')}
            onChange={(event) => change({ connection: event.target.value as PrinterDraft['connection'] })}
          >
            <option value="cups">{t('stationSettings.kinds.cups')}</option>
            <option value="raw-tcp">{t('stationSettings.kinds.raw-tcp')}</option>
          </select>
        </label>
        {draft.connection === 'cups' ? (
          <label>
            {t('stationSettings.queue')}
            <select value={draft.queue} data-testid={id('queue')} onChange={(event) => change({ queue: event.target.value, name: event.target.value })}>
              <option value="">{t('printing.chooseQueue')}</option>
              {choices.map((name) => (
                <option key={name} value={name}>
                  {queues?.available && !queueNames.includes(name) ? `${name}（${t('printing.settings.missing')}）` : name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label>
              {t('stationSettings.host')}
              <input value={draft.host} data-testid={id('host')} onChange={(event) => change({ host: event.target.value })} />
            </label>
            <label>
              {t('stationSettings.port')}
              <input
                value={draft.port}
                inputMode="numeric"
                data-testid={id('port')}
                onChange={(event) => change({ port: event.target.value.replace(/\D/g, '') })}
              />
            </label>
          </>
        )}
        {formatsByPrinterKind[kind].length > 1 ? (
          <label>
            {t('stationSettings.format')}
            <select value={draft.format} data-testid={id('format')} onChange={(event) => change({ format: event.target.value as PrinterDraft['format'] })}>
              {formatsByPrinterKind[kind].map((format) => (
                <option key={format} value={format}>
                  {t(`stationSettings.formats.${format}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {mediaByPrinterKind[kind].length > 0 ? (
          <label>
            {t('stationSettings.media')}
            <select value={draft.media} data-testid={id('media')} onChange={(event) => change({ media: event.target.value as PrinterDraft['media'] })}>
              {mediaByPrinterKind[kind].map((media) => (
                <option key={media} value={media}>
                  {t(`stationSettings.medias.${media}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="primary" data-testid={id('save')}>
          {t('stationSettings.save')}
        </button>
        <button type="button" data-testid={id('test')} onClick={test}>
          {t('printing.settings.test')}
        </button>
        <p className="hint" data-testid={id('current')}>
          {t('printing.settings.current', { printer: profile.kind === 'cups' ? profile.queue : `${profile.host}:${profile.port}` })}
        </p>
        {testJob ? <PrintJobResult job={testJob} fallback="test-page" testId={id('test-result')} onRetried={setTestJob} /> : null}
      </fieldset>
    </form>
  );
}

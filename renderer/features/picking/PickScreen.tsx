import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PickPrintResult, PickScanResult } from '../../../shared/contract/picking';
import { station } from '../../station-client/station-client';
import { useDisplayTime } from '../../ui/display-time';
import { errorText } from '../../ui/error-text';
import { feedbackText, useFeedback, type FeedbackMessage } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { PrintJobResult } from '../printing/PrintJobResult';
import { printOutcome, printProblemText } from '../printing/print-job-text';
import { usePick } from './pick-store';
import { ItemCell } from '../../ui/ItemCell';
import { LoadState } from '../../ui/LoadState';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useStationLoad } from '../../ui/use-station';

/**
 * Picking: make today's pick lists (the hub batches the due orders), open one by scanning its id or choosing it, walk
 * its lines in bin order scanning every unit. A wrong or extra item is refused loudly; every answer is a sound and a
 * colour.
 */
export function PickScreen() {
  const { t, i18n } = useTranslation();
  const { day } = useDisplayTime();
  const held = usePick((state) => state.held);
  const open = usePick((state) => state.open);
  const { setHeld, show } = usePick.getState();
  // Asked again whenever the lists are shown anew (back from a list being picked), and after lists are made.
  const lists = useStationLoad('picking.lists', {}, { enabled: open === null });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LastAnswer | null>(null);
  // The last print of a list from this screen, its job kept up to date by the station's print.job events.
  const [printed, setPrinted] = useState<(PickPrintResult & { pickListId: string }) | null>(null);
  useEffect(() => station.on('print.job', (job) => setPrinted((current) => (current?.job?.jobId === job.jobId ? { ...current, job } : current))), []);

  // Best a function of the translator (worded again after a language switch); a plain string is shown in its language only.
  const say = useCallback(
    (kind: 'good' | 'bad' | 'done', text: FeedbackMessage) => {
      useFeedback.getState().signal(kind, text);
      setLast((previous) => ({ ok: kind !== 'bad', text, language: i18n.language, serial: (previous?.serial ?? 0) + 1 }));
    },
    [i18n],
  );
  const fail = useCallback((error: unknown) => say('bad', (tr) => errorText(tr, error)), [say]);

  const make = async () => {
    setBusy(true);
    try {
      const result = await station.call('picking.make', {});
      setHeld(result.held);
      lists.reload();
      say(result.lists.length > 0 ? 'done' : 'good', (tr) => tr('picking.made', { count: result.lists.length, held: result.held.length }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const openList = useCallback(
    async (listCode: string) => {
      try {
        const result = await station.call('picking.open', { code: listCode });
        if (!result.list) return say('bad', (tr) => tr(`picking.reasons.${result.refusal ?? 'unknown-pick-list'}`));
        const list = result.list;
        show(list);
        say('good', (tr) => (list.complete ? tr('picking.alreadyComplete', { id: list.id }) : tr('picking.opened', { id: list.id })));
      } catch (error) {
        fail(error);
      }
    },
    [fail, say, show],
  );

  const print = async (pickListId: string) => {
    try {
      const result = await station.call('picking.print', { pickListId });
      if (result.refusal) return say('bad', t(`picking.reasons.${result.refusal}`, { bin: '' }));
      setPrinted({ ...result, pickListId });
      // Sent only when the printer took it; waiting or failed say so, with the reason in the user's language.
      const job = result.job;
      if (job && printOutcome(job) !== 'done') say(printOutcome(job) === 'failed' ? 'bad' : 'good', (tr) => printProblemText(tr, job, 'pick-list'));
      else say('done', t('picking.printQueued', { id: pickListId, lines: result.lineCount }));
    } catch (error) {
      fail(error);
    }
  };

  const answer = useCallback(
    (result: PickScanResult) => {
      show(result.list);
      if (result.verdict === 'refused') return say('bad', (tr) => tr(`picking.reasons.${result.refusal ?? 'unknown-item'}`, { bin: result.bin ?? '' }));
      const line = result.list.lines.find((candidate) => candidate.sku === result.sku);
      if (result.verdict === 'complete') return say('done', (tr) => tr('picking.complete', { id: result.list.id }));
      if (result.verdict === 'at-bin') return say('good', (tr) => tr('picking.atBin', { bin: result.bin ?? '' }));
      const counted = (tr: TFunction) =>
        tr('picking.counted', { name: line?.itemName ?? result.sku ?? '', picked: line?.picked ?? 0, expected: line?.expected ?? 0 });
      say('good', (tr) => (result.verdict === 'order-picked' ? `${counted(tr)} ${tr('picking.orderPicked', { orderNo: result.orderNo ?? '' })}` : counted(tr)));
    },
    [say, show],
  );

  useScanConsumer((scan) => {
    const current = usePick.getState().open;
    if (!current) return void openList(scan.text);
    void station.call('picking.scan', { pickListId: current.id, code: scan.text }).then(answer).catch(fail);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void openList(code.trim());
    setCode('');
  };

  if (open) {
    return (
      <section className="screen" data-testid="pick-walk" aria-labelledby="pick-title">
        <h1 id="pick-title">
          {t('picking.title')} <span className="code">{open.id}</span>
        </h1>
        <p className="hint">{open.complete ? t('picking.complete', { id: open.id }) : t('picking.walkHint')}</p>
        <ScanTable testId="pick-lines" headers={[t('picking.bin'), t('picking.item'), t('picking.expected'), t('picking.picked'), t('picking.orders')]}>
          {open.lines.map((line) => (
            <ScanRow
              key={line.sku}
              tone={line.sku === open.currentSku ? 'active' : null}
              testId={`pick-line-${line.sku}`}
              data={{ 'data-done': line.picked >= line.expected }}
            >
              <td className="code" data-testid="pick-bin">
                {line.bin ?? t('picking.noBin')}
              </td>
              <ItemCell itemName={line.itemName} optionName={line.optionName} sku={line.sku} />
              <td>{line.expected}</td>
              <td data-testid={`picked-${line.sku}`}>{line.picked}</td>
              <td className="code">{line.orders.map((order) => `${order.orderNo}×${order.quantity}${order.done ? ' ✓' : ''}`).join(', ')}</td>
            </ScanRow>
          ))}
        </ScanTable>
        <PickResult last={last} />
        {printed?.pickListId === open.id && printed.job ? (
          <>
            <PrintJobResult job={printed.job} fallback="pick-list" testId="pick-print-job" onRetried={(job) => setPrinted({ ...printed, job })} />
            <p className="hint" data-testid="pick-print-saved">
              {t('picking.printSaved', { path: printed.path ?? '' })}
            </p>
          </>
        ) : null}
        <div className="row actions">
          <button type="button" className="primary" data-testid="pick-print" onClick={() => void print(open.id)}>
            {t('picking.print')}
          </button>
          <button type="button" className="secondary" data-testid="pick-close" onClick={() => show(null)}>
            {t('picking.back')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="screen" data-testid="pick" aria-labelledby="pick-title">
      <h1 id="pick-title">{t('picking.title')}</h1>
      <p className="hint">{t('picking.hint')}</p>
      <div className="row wrap">
        <button type="button" className="primary" data-testid="pick-make" disabled={busy} onClick={() => void make()}>
          {t('picking.make')}
        </button>
      </div>
      <form className="row wrap" onSubmit={submit}>
        <label>
          {t('picking.listCode')}
          <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="pick-code" />
        </label>
        <button type="submit" className="secondary" disabled={code.trim() === ''}>
          {t('picking.open')}
        </button>
      </form>
      <PickResult last={last} />
      <h2>{t('picking.lists')}</h2>
      <LoadState load={lists} testId="pick-lists-load" />
      {lists.data === null ? null : lists.data.length === 0 ? (
        <p className="hint" data-testid="pick-no-lists">
          {t('picking.noLists')}
        </p>
      ) : (
        <ScanTable testId="pick-lists" headers={[t('picking.listId'), t('picking.orders'), t('picking.progress'), null]}>
          {lists.data.map((list) => (
            <ScanRow key={list.id} testId={`pick-list-${list.id}`} data={{ 'data-complete': list.complete }}>
              <td className="code">{list.id}</td>
              <td>{list.orders}</td>
              <td>
                {list.picked} / {list.units} {list.complete ? `(${t('picking.done')})` : ''}
              </td>
              <td>
                <button type="button" className="secondary" data-testid={`pick-open-${list.id}`} onClick={() => void openList(list.id)}>
                  {t('picking.open')}
                </button>
              </td>
            </ScanRow>
          ))}
        </ScanTable>
      )}
      {held.length > 0 ? (
        <>
          <h2>{t('picking.heldTitle')}</h2>
          <ScanTable testId="pick-held" headers={[t('picking.orderNo'), t('picking.seller'), t('picking.dueShipDate'), t('picking.reason')]}>
            {held.map((order) => (
              <ScanRow key={order.orderId} testId={`pick-held-${order.orderNo}`}>
                <td className="code">{order.orderNo}</td>
                <td>{order.sellerId}</td>
                <td>{day(order.dueShipDate)}</td>
                <td>{t(`picking.held.${order.reason}`)}</td>
              </ScanRow>
            ))}
          </ScanTable>
        </>
      ) : null}
    </section>
  );
}

interface LastAnswer {
  ok: boolean;
  text: FeedbackMessage;
  /** The language a plain-string answer was worded in: it is not shown on a screen switched to another. */
  language: string;
  serial: number;
}

/** The screen's last answer (the banner says it too, above the list). */
function PickResult({ last }: { last: LastAnswer | null }) {
  const { t, i18n } = useTranslation();
  if (!last || (typeof last.text === 'string' && last.language !== i18n.language)) return null;
  return (
    <p className={last.ok ? 'result ok' : 'result bad'} data-testid="pick-result" role="status">
      {feedbackText(last.text, t)}
    </p>
  );
}

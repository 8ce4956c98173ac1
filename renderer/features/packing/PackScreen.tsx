import { memo, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PackingRefusal, PackLabelResult, PackOrder, PackStepResult } from '../../../shared/contract/packing';
import { parcelServices, sagawaTimeSlots, type ParcelService, type SagawaTimeSlot } from '../../../shared/domain/parcel-services';
import { station } from '../../station-client/station-client';
import { useDisplayTime } from '../../ui/display-time';
import { errorText } from '../../ui/error-text';
import { useReveal } from '../../ui/reveal';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { activeOrder, parcelOf, usePack } from './pack-store';
import { ItemCell } from '../../ui/ItemCell';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { PrintJobResult } from '../printing/PrintJobResult';
import { printOutcome, printProblemText } from '../printing/print-job-text';
import { useFollowedJob } from '../printing/use-followed-job';

/**
 * The pack bench: scan the order (or cart), scan every unit, choose the service, print the label, scan the label.
 * Scans go to the step the active order is at; every answer is a sound and a colour.
 */
export function PackScreen() {
  const { t } = useTranslation();
  const orders = usePack((state) => state.orders);
  const activeId = usePack((state) => state.activeId);
  const show = usePack((state) => state.show);
  const update = usePack((state) => state.update);
  const [code, setCode] = useState('');
  // Kept as a function of the translator, so the answer is worded in the language the screen is in when drawn.
  const [last, setLast] = useState<LastAnswer | null>(null);
  const [low, setLow] = useState<number | null>(null);
  // The last shipping label's job, followed until it prints (or fails), with retry and another printer.
  const [labelJob, setLabelJob] = useFollowedJob();
  const active = activeOrder(orders, activeId);
  const parcel = orders && active ? parcelOf(orders, active) : [];
  const parcelComplete = parcel.length > 0 && parcel.every((order) => order.complete && order.state !== 'packed');

  // `reveal`: the answer to a step below the list (print, void) is brought into view; a unit's answer is not, so the
  // row being packed stays where the packer is looking.
  const say = useCallback((kind: 'good' | 'bad' | 'done', text: Words, reveal = false) => {
    useFeedback.getState().signal(kind, text);
    setLast((previous) => ({ ok: kind !== 'bad', text, revealed: (previous?.revealed ?? 0) + (reveal ? 1 : 0) }));
  }, []);
  const fail = useCallback((error: unknown) => say('bad', (tr) => errorText(tr, error)), [say]);
  const refusal = useCallback(
    (result: { refusal: PackingRefusal | null }): Words =>
      (tr) =>
        tr(`packing.reasons.${result.refusal ?? 'unknown-order'}`),
    [],
  );

  const open = useCallback(
    async (orderCode: string) => {
      try {
        const view = await station.call('packing.open', { code: orderCode });
        if (view.refusal || view.orders.length === 0) return say('bad', (tr) => tr(`packing.reasons.${view.refusal ?? 'unknown-order'}`));
        show(orderCode, view.orders);
        const first = activeOrder(view.orders);
        const opened: Words = (tr) =>
          view.pickListId
            ? tr('packing.openedList', { pickListId: view.pickListId, count: view.orders.length })
            : tr('packing.opened', { orderNo: first?.orderNo ?? '', count: view.orders.length });
        say('good', first ? opened : (tr) => tr('packing.allShipped'));
        if (view.trackingNumbersLeft < 20) setLow(view.trackingNumbersLeft);
      } catch (error) {
        fail(error);
      }
    },
    [fail, say, show],
  );

  const answer = useCallback(
    (result: PackStepResult, done: Words) => {
      update(result.order);
      if (result.verdict === 'refused') return say('bad', refusal(result));
      const line = result.order.lines.find((candidate) => candidate.sku === result.sku);
      if (result.verdict === 'complete') say('done', done);
      else say('good', (tr) => tr('packing.counted', { name: line?.itemName ?? result.sku ?? '', packed: line?.packed ?? 0, expected: line?.expected ?? 0 }));
    },
    [refusal, say, update],
  );

  /** After a step that moves a whole parcel (label, ship, void), the station describes the bench again. */
  const refresh = useCallback(async () => {
    const { code: benchCode, activeId: keep } = usePack.getState();
    if (!benchCode) return;
    const view = await station.call('packing.open', { code: benchCode });
    if (view.orders.length > 0) {
      show(benchCode, view.orders);
      const again = view.orders.find((order) => order.orderId === keep);
      if (again) update(again);
    }
  }, [show, update]);

  useScanConsumer((scan) => {
    const { orders: bench, activeId: current } = usePack.getState();
    const order = activeOrder(bench, current);
    if (!order) return void open(scan.text);
    if (order.state === 'packed') {
      void station
        .call('packing.ship', { orderId: order.orderId, code: scan.text })
        .then(async (result) => {
          answer(result, (tr) => tr('packing.shipped', { orderNo: order.orderNo, trackingNumber: order.trackingNumber ?? '' }));
          if (result.verdict === 'complete') await refresh();
        })
        .catch(fail);
      return;
    }
    // A unit scanned after the order is complete is sent too: the station refuses it as extra, loudly.
    const others = (bench ?? []).filter((other) => other.orderId !== order.orderId).map((other) => other.orderId);
    void station
      .call('packing.scan', { orderId: order.orderId, code: scan.text, bench: others })
      .then((result) => answer(result, (tr) => tr('packing.complete', { orderNo: result.order.orderNo })))
      .catch(fail);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void open(code.trim());
    setCode('');
  };

  if (!orders) {
    return (
      <section className="screen" data-testid="pack" aria-labelledby="pack-title">
        <h1 id="pack-title">{t('areas.packing')}</h1>
        <p className="hint">{t('packing.hint')}</p>
        <form className="row wrap" onSubmit={submit}>
          <label>
            {t('packing.orderCode')}
            <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="pack-code" />
          </label>
          <button type="submit" className="primary" disabled={code.trim() === ''}>
            {t('packing.open')}
          </button>
        </form>
        <PackResult last={last} />
      </section>
    );
  }

  return (
    <section className="screen" data-testid="pack-bench" aria-labelledby="pack-title">
      <h1 id="pack-title">{t('areas.packing')}</h1>
      <p className="hint">{active ? t(`packing.step.${active.state === 'packed' ? 'ship' : active.complete ? 'label' : 'items'}`) : t('packing.allShipped')}</p>
      <ScanTable
        testId="pack-lines"
        headers={[t('packing.order'), t('packing.item'), t('packing.expected'), t('packing.packed'), t('packing.state'), t('packing.tracking')]}
      >
        {orders.map((order) => (
          <PackRows key={order.orderId} order={order} inParcel={parcel.includes(order)} current={order.orderId === active?.orderId} />
        ))}
      </ScanTable>
      {active && parcel.length > 1 ? (
        <p className="hint" data-testid="pack-parcel">
          {t('packing.parcel', { cartNo: active.cartNo ?? '', count: parcel.length })}
        </p>
      ) : null}
      {active && active.recipientProblems.length > 0 ? (
        <p className="result bad" data-testid="pack-recipient-warning" role="alert">
          {t('packing.recipientWarning', { problems: active.recipientProblems.map((problem) => t(`packing.recipientProblems.${problem}`)).join('、') })}
        </p>
      ) : null}
      {low !== null ? (
        <p className="hint" data-testid="pack-tracking-low">
          {t('packing.trackingLow', { count: low })}
        </p>
      ) : null}
      {active && parcelComplete ? <LabelStep key={active.orderId} order={active} onResult={(result) => labelled(result)} onError={fail} /> : null}
      {active && active.state === 'packed' ? (
        <VoidStep
          key={active.orderId}
          order={active}
          onResult={(result, voided) => {
            update(result.order);
            if (result.verdict === 'refused') say('bad', refusal(result), true);
            // Say what went: the number (never used again) and every order that carried it, and what to do next.
            else say('done', (tr) => tr('packing.voidedLabel', { trackingNumber: voided.trackingNumber, orders: voided.orderNos.join('、') }), true);
            void refresh().catch(fail);
          }}
          onError={fail}
          parcel={parcel}
        />
      ) : null}
      <PackResult last={last} />
      {/* The label's job while its parcel waits to be scanned out; one that has not printed stays until it has. */}
      {labelJob && active && (active.state === 'packed' || printOutcome(labelJob) !== 'done') ? (
        <PrintJobResult job={labelJob} fallback="shipping-label" testId="pack-label-job" onRetried={setLabelJob} />
      ) : null}
      <div className="row actions">
        <button type="button" className="secondary" data-testid="pack-close" onClick={() => show(null, null)}>
          {t('packing.next')}
        </button>
      </div>
    </section>
  );

  function labelled(result: PackLabelResult) {
    update(result.order);
    if (result.verdict === 'refused') return say('bad', refusal(result), true);
    const job = result.job;
    // "Printed" only when the printer took the label; waiting and failed say so, in words (printing/print-job-text.ts).
    setLabelJob(job);
    if (job && printOutcome(job) !== 'done') say(printOutcome(job) === 'failed' ? 'bad' : 'good', (tr) => printProblemText(tr, job, 'shipping-label'), true);
    else say('done', (tr) => tr('packing.printed', { trackingNumber: result.order.trackingNumber ?? '' }), true);
    void refresh().catch(fail);
  }
}

/**
 * One order's rows. Memoised on the order's description, which the store replaces only for the order a step changed:
 * a unit scanned into a 200-line cart redraws one row, not the bench. The row being worked on stays in view.
 */
const PackRows = memo(function PackRows({ order, inParcel, current }: { order: PackOrder; inParcel: boolean; current: boolean }) {
  const { t } = useTranslation();
  const row = useRef<HTMLTableRowElement>(null);
  // Scrolled to when it becomes the order being packed or a unit is counted on it; not when a step below the list
  // (label, void) describes the bench again, whose answer is then what the packer needs to see.
  const packedUnits = order.lines.reduce((sum, line) => sum + line.packed, 0);
  useEffect(() => {
    if (current) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current, packedUnits]);
  return order.lines.map((line, index) => (
    <ScanRow
      key={line.sku}
      rowRef={index === 0 ? row : undefined}
      tone={inParcel ? 'active' : null}
      testId={`pack-order-${order.orderNo}`}
      data={{ 'data-state': order.state }}
    >
      <td className="code">{order.orderNo}</td>
      <ItemCell itemName={line.itemName} optionName={line.optionName} sku={line.sku} />
      <td>{line.expected}</td>
      <td data-testid={`packed-${order.orderNo}`}>{line.packed}</td>
      <td data-testid={`state-${order.orderNo}`}>{t(`packing.states.${order.state}`)}</td>
      <td className="code">{order.trackingNumber ?? ''}</td>
    </ScanRow>
  ));
});

/** A message worded when drawn: `(t) => t('packing.printed', …)`. */
type Words = (t: TFunction) => string;

interface LastAnswer {
  ok: boolean;
  text: Words;
  /** Counts the answers to be brought into view. */
  revealed: number;
}

/** The bench's last answer under the table; a step's answer (a print result below a long list) is brought into view. */
function PackResult({ last }: { last: LastAnswer | null }) {
  const { t } = useTranslation();
  const ref = useReveal<HTMLParagraphElement>([last?.revealed]);
  if (!last) return null;
  return (
    <p ref={ref} className={last.ok ? 'result ok' : 'result bad'} data-testid="pack-result" role="status">
      {last.text(t)}
    </p>
  );
}

/** Choose the service (the size-based suggestion preselected), a Sagawa time slot, and print: Enter prints. */
function LabelStep({ order, onResult, onError }: { order: PackOrder; onResult(result: PackLabelResult): void; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const { day } = useDisplayTime();
  const form = useReveal<HTMLFormElement>();
  const [service, setService] = useState<ParcelService>(order.suggestion.service);
  const [timeSlot, setTimeSlot] = useState<SagawaTimeSlot | ''>(order.requestedTimeSlot ?? '');
  const [busy, setBusy] = useState(false);
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => printButton.current?.focus(), []);

  const print = async () => {
    setBusy(true);
    try {
      onResult(await station.call('packing.label', { orderId: order.orderId, service, timeSlot: service === 'sagawa' && timeSlot ? timeSlot : null }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="row wrap"
      data-testid="pack-label-step"
      onSubmit={(event) => {
        event.preventDefault();
        void print();
      }}
    >
      <label>
        {t('packing.service')}
        <select value={service} onChange={(event) => setService(event.target.value as ParcelService)} data-testid="pack-service">
          {parcelServices.map((option) => (
            <option key={option} value={option}>
              {t(`packing.services.${option}`)}
              {option === order.suggestion.service ? ` (${t('packing.suggested')})` : ''}
            </option>
          ))}
        </select>
      </label>
      {service === 'sagawa' && order.requestedDeliveryDate ? (
        <span className="hint" data-testid="pack-requested-date">
          {t('packing.requestedDate', { date: day(order.requestedDeliveryDate) })}
        </span>
      ) : null}
      {service === 'sagawa' ? (
        <label>
          {t('packing.timeSlot')}
          <select value={timeSlot} onChange={(event) => setTimeSlot(event.target.value as SagawaTimeSlot | '')} data-testid="pack-time-slot">
            <option value="">{t('packing.noTimeSlot')}</option>
            {sagawaTimeSlots.map((slot) => (
              <option key={slot} value={slot}>
                {t(`packing.timeSlots.${slot}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="primary" ref={printButton} disabled={busy} data-testid="pack-print">
        {t('packing.print')}
      </button>
    </form>
  );
}

interface Voided {
  trackingNumber: string;
  orderNos: string[];
}

/** A spoiled label: void its number (never used again) with a reason, then print a new one. */
function VoidStep({
  order,
  parcel,
  onResult,
  onError,
}: {
  order: PackOrder;
  parcel: readonly PackOrder[];
  onResult(result: PackStepResult, voided: Voided): void;
  onError(error: unknown): void;
}) {
  const { t } = useTranslation();
  const form = useReveal<HTMLFormElement>();
  const [reason, setReason] = useState('');
  return (
    <form
      ref={form}
      className="row wrap"
      data-testid="pack-void-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) return;
        // What the void takes back, as the bench shows it now: the number and the orders of the parcel under it.
        const trackingNumber = order.trackingNumber ?? '';
        const orderNos = [order, ...parcel.filter((member) => member.orderId !== order.orderId)]
          .filter((member) => member.trackingNumber === trackingNumber)
          .map((member) => member.orderNo);
        void station
          .call('packing.void', { orderId: order.orderId, reason: reason.trim() })
          .then((result) => onResult(result, { trackingNumber, orderNos }))
          .catch(onError);
        setReason('');
      }}
    >
      <label>
        {t('packing.voidReason')}
        <input value={reason} onChange={(event) => setReason(event.target.value)} data-testid="pack-void-reason" />
      </label>
      <button type="submit" className="secondary" disabled={reason.trim() === ''} data-testid="pack-void">
        {t('packing.void')}
      </button>
    </form>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/domain/display-time';
import type { PutawayItem, PutawayStep } from '../../../shared/contract/putaway';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { signalRefusal } from '../../ui/use-station';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { usePutaway } from './putaway-store';

const itemLabel = (item: PutawayItem) => `${item.itemName} ${item.optionName}`;

/**
 * Putaway (棚入れ): scan the SKU, then the bin (棚番) it goes into. A scanned SKU waits for its bin; another SKU
 * replaces it; a bin with no SKU in hand is refused. Every answer is a sound and a colour; the last placements stay
 * on screen (SKU, name, old bin → new bin). A code can also be typed; the lookup shows where a SKU is now.
 */
export function PutawayScreen() {
  const { t } = useTranslation();
  const pending = usePutaway((state) => state.pending);
  const placed = usePutaway((state) => state.placed);
  const apply = usePutaway((state) => state.apply);
  const hold = usePutaway((state) => state.hold);
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState('');
  const [found, setFound] = useState<{ code: string; item: PutawayItem | null } | null>(null);
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);

  const say = useCallback((kind: 'good' | 'bad' | 'done', text: string) => {
    useFeedback.getState().signal(kind, text);
    setLast({ ok: kind !== 'bad', text });
  }, []);

  // The station remembers the SKU in hand for this window: coming back to the screen shows it again.
  useEffect(() => {
    void station.call('putaway.pending', {}).then(hold).catch(signalRefusal);
  }, [hold]);

  const answer = useCallback(
    (step: PutawayStep) => {
      apply(step);
      if (step.verdict === 'refused') return say('bad', t(`putaway.reasons.${step.refusal ?? 'unknown-item'}`));
      if (step.verdict === 'sku' && step.pending)
        return say('good', t('putaway.held', { name: itemLabel(step.pending), bin: step.pending.bin ?? t('putaway.noBin') }));
      if (step.placed)
        say('done', t('putaway.placed', { name: itemLabel(step.placed.item), from: step.placed.fromBin ?? t('putaway.noBin'), to: step.placed.toBin }));
    },
    [apply, say, t],
  );

  const scan = useCallback(
    (text: string) =>
      void station
        .call('putaway.scan', { code: text })
        .then(answer)
        .catch((error: unknown) => say('bad', errorText(t, error))),
    [answer, say, t],
  );
  useScanConsumer((received) => scan(received.text));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) scan(code.trim());
    setCode('');
  };

  const find = (event: FormEvent) => {
    event.preventDefault();
    const text = lookup.trim();
    if (!text) return;
    void station
      .call('putaway.location', { sku: text })
      .then((item) => setFound({ code: text, item }))
      .catch((error: unknown) => say('bad', errorText(t, error)));
  };

  const clear = () =>
    void station
      .call('putaway.clear', {})
      .then(() => hold(null))
      .catch((error: unknown) => say('bad', errorText(t, error)));

  return (
    <section className="screen" data-testid="putaway" aria-labelledby="putaway-title">
      <h1 id="putaway-title">{t('areas.putaway')}</h1>
      <p className="hint">{t('putaway.hint')}</p>
      <div className="report" data-testid="putaway-step" data-step={pending ? 'bin' : 'sku'} role="status">
        {pending ? (
          <>
            <p className="waiting">{t('putaway.scanBin')}</p>
            <p>
              <b data-testid="putaway-pending-name">{itemLabel(pending)}</b> <span className="code">{pending.sku}</span>
            </p>
            <p>
              {t('putaway.currentBin')}: <b data-testid="putaway-pending-bin">{pending.bin ?? t('putaway.noBin')}</b>
            </p>
            <button type="button" className="secondary" data-testid="putaway-clear" onClick={clear}>
              {t('putaway.clear')}
            </button>
          </>
        ) : (
          <p className="waiting">{t('putaway.scanSku')}</p>
        )}
      </div>
      {last ? (
        <p className={last.ok ? 'result ok' : 'result bad'} data-testid="putaway-result">
          {last.text}
        </p>
      ) : null}
      <form className="row wrap" onSubmit={submit}>
        <label>
          {t('putaway.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="putaway-code" autoFocus />
        </label>
        <button type="submit" className="primary" disabled={code.trim() === ''}>
          {t('putaway.send')}
        </button>
      </form>
      <h2>{t('putaway.recent')}</h2>
      {placed.length === 0 ? (
        <p className="hint">{t('putaway.none')}</p>
      ) : (
        <ScanTable testId="putaway-placed" headers={[t('putaway.sku'), t('putaway.item'), t('putaway.move'), t('putaway.time')]}>
          {placed.map((placement) => (
            <ScanRow key={placement.eventId} testId={`putaway-placed-${placement.item.sku}`}>
              <td className="code">{placement.item.sku}</td>
              <td>{itemLabel(placement.item)}</td>
              <td className="code">
                {placement.fromBin ?? t('putaway.noBin')} → <b>{placement.toBin}</b>
              </td>
              <td>{formatTime(placement.at, { seconds: true })}</td>
            </ScanRow>
          ))}
        </ScanTable>
      )}
      <h2>{t('putaway.lookup')}</h2>
      <form className="row wrap" onSubmit={find}>
        <label>
          {t('putaway.lookupCode')}
          <input value={lookup} onChange={(event) => setLookup(event.target.value)} data-testid="putaway-lookup" />
        </label>
        <button type="submit" className="secondary" disabled={lookup.trim() === ''}>
          {t('putaway.find')}
        </button>
      </form>
      {found ? (
        <p className={found.item ? 'result ok' : 'result bad'} data-testid="putaway-found">
          {found.item
            ? t('putaway.foundAt', { name: itemLabel(found.item), sku: found.item.sku, bin: found.item.bin ?? t('putaway.noBin') })
            : t('putaway.reasons.unknown-item')}
        </p>
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useReveal } from '../../ui/reveal';
import { PrintJobResult } from '../printing/PrintJobResult';
import { printOutcome } from '../printing/print-job-text';
import { signalPrint } from '../printing/print-signal';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { useSkuLabels } from './sku-labels-store';

const maxLabels = 999;

/**
 * SKU ラベル: reprint labels for any SKU. Scan or type its SKU label, JAN or seller SKU code (the station resolves it
 * from its own catalogue, so this works with the hub away), see what it is and whose, choose 1–999 labels and print
 * to the SKU label printer. The result is the print job's own state: printed only once the printer took it; waiting
 * or failed say why, with print again and another printer.
 */
export function SkuLabelsScreen() {
  const { t } = useTranslation();
  const card = useSkuLabels((state) => state.card);
  const job = useSkuLabels((state) => state.job);
  const show = useSkuLabels((state) => state.show);
  const printed = useSkuLabels((state) => state.printed);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const jobRef = useReveal<HTMLDivElement>([job?.status.state]);
  const fail = useCallback((error: unknown) => useFeedback.getState().signal('bad', errorText(t, error)), [t]);

  useEffect(() => station.on('print.job', (status) => useSkuLabels.getState().follow(status)), []);
  // Each job's outcome is announced once: waiting when sent, then printed (the chime) or failed (the bad sound).
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!job) return;
    const key = `${job.status.jobId} ${printOutcome(job.status)}`;
    if (announced.current === key) return;
    announced.current = key;
    signalPrint(job.status, (tt) => tt('skuLabels.printed', { quantity: job.quantity, sku: job.sku }), 'sku-labels');
  }, [job]);

  const find = useCallback(
    (text: string) => {
      const wanted = text.trim();
      if (!wanted) return;
      void station
        .call('catalog.skuCard', { code: wanted })
        .then((found) => {
          show(found);
          printed(null);
          if (found) useFeedback.getState().signal('good', `${found.itemName} ${found.optionName}`);
          else useFeedback.getState().signal('bad', (tt) => tt('skuLabels.unknown', { code: wanted }));
        })
        .catch(fail);
    },
    [fail, printed, show],
  );
  useScanConsumer((scan) => find(scan.text));

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    find(code);
    setCode('');
  };

  const print = (event: FormEvent) => {
    event.preventDefault();
    if (!card) return useFeedback.getState().signal('bad', (tt) => tt('skuLabels.chooseFirst'));
    const count = Number(quantity);
    if (!/^\d+$/.test(quantity) || count < 1 || count > maxLabels) return useFeedback.getState().signal('bad', (tt) => tt('skuLabels.badQuantity'));
    void station
      .call('printing.skuLabelsFor', { code: card.sku, quantity: count })
      .then((result) => {
        if (!result.job) return useFeedback.getState().signal('bad', (tt) => tt('skuLabels.unknown', { code: card.sku }));
        printed({ status: result.job, quantity: count, sku: card.sku });
      })
      .catch(fail);
  };

  return (
    <section className="screen" data-testid="sku-labels" aria-labelledby="sku-labels-title">
      <h1 id="sku-labels-title">{t('areas.sku-labels')}</h1>
      <p className="hint">{t('skuLabels.hint')}</p>
      <form className="row wrap" onSubmit={lookUp}>
        <label>
          {t('skuLabels.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="sku-labels-code" />
        </label>
        <button type="submit" disabled={code.trim() === ''}>
          {t('skuLabels.find')}
        </button>
      </form>
      {card ? (
        <form className="report" onSubmit={print} data-testid="sku-labels-card" data-sku={card.sku}>
          <p>
            <b data-testid="sku-labels-name">
              {card.itemName} {card.optionName}
            </b>
          </p>
          <p className="code" data-testid="sku-labels-sku">
            SKU {card.sku}
            {card.jan ? ` ・ JAN ${card.jan}` : ''}
            {card.sellerSkuCode ? ` ・ ${card.sellerSkuCode}` : ''}
          </p>
          <p data-testid="sku-labels-seller">
            {t('receiving.seller')}: {card.sellerName}
          </p>
          <div className="row">
            <label>
              {t('skuLabels.quantity')}
              <input
                value={quantity}
                inputMode="numeric"
                maxLength={3}
                onChange={(event) => setQuantity(event.target.value.replace(/\D/g, ''))}
                data-testid="sku-labels-quantity"
              />
            </label>
            <button type="submit" className="primary" data-testid="sku-labels-print">
              {t('skuLabels.print')}
            </button>
          </div>
        </form>
      ) : null}
      {job ? (
        <div ref={jobRef} data-quantity={job.quantity}>
          <PrintJobResult
            job={job.status}
            fallback="sku-labels"
            testId="sku-labels-job"
            onRetried={(next) => {
              // PrintJobResult has already announced the retried job's first answer.
              announced.current = `${next.jobId} ${printOutcome(next)}`;
              printed({ ...job, status: next });
            }}
          />
        </div>
      ) : null}
    </section>
  );
}

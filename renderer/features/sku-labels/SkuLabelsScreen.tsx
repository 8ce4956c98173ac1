import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../../station-client/station-client';
import { errorText } from '../../ui/error-text';
import { useReveal } from '../../ui/reveal';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { useSkuLabels, type SkuLabelsJob } from './sku-labels-store';

const maxLabels = 999;

/** What the print job says, in the user's language: the state, and why it failed or waits. */
function jobText(t: ReturnType<typeof useTranslation>['t'], job: SkuLabelsJob): string {
  const { status } = job;
  const state = t(`printing.states.${status.state}`);
  const reason = status.reason ? ` — ${t(`printing.reasons.${status.reason.code}`, status.reason.params)}` : '';
  return `${t('skuLabels.job', { quantity: job.quantity, printer: job.printerName, state })}${reason}`;
}

/**
 * SKU ラベル: reprint labels for any SKU. Scan or type its SKU label, JAN or seller SKU code (the station resolves it
 * from its own catalogue, so this works with the hub away), see what it is and whose, choose 1–999 labels and print
 * to the SKU label printer. The result is the print job's own state: printed only once the printer took it.
 */
export function SkuLabelsScreen() {
  const { t } = useTranslation();
  const card = useSkuLabels((state) => state.card);
  const job = useSkuLabels((state) => state.job);
  const show = useSkuLabels((state) => state.show);
  const printed = useSkuLabels((state) => state.printed);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const jobRef = useReveal<HTMLParagraphElement>([job?.status.state]);
  const fail = useCallback((error: unknown) => useFeedback.getState().signal('bad', errorText(t, error)), [t]);

  useEffect(() => station.on('print.job', (status) => useSkuLabels.getState().follow(status)), []);
  // A finished job answers with its sound once: done is good news, failed is bad news.
  useEffect(() => {
    if (!job) return;
    const { status } = job;
    if (status.state === 'done') useFeedback.getState().signal('done', (tt) => tt('skuLabels.printed', { quantity: job.quantity, sku: job.sku }));
    if (status.state === 'failed') useFeedback.getState().signal('bad', (tt) => tt('skuLabels.failed'));
  }, [job?.status.jobId, job?.status.state]);

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
        printed({ status: result.job, quantity: count, sku: card.sku, printerName: result.printerName ?? result.job.printer });
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
        <p ref={jobRef} role="status" data-testid="sku-labels-job" data-state={job.status.state} data-job={job.status.jobId} className={job.status.state === 'done' ? 'result ok' : job.status.state === 'failed' ? 'result bad' : 'result'}>
          {jobText(t, job)}
        </p>
      ) : null}
    </section>
  );
}

import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockCountTarget } from '../../../shared/contract/stock-count';
import { countVariance, needsSecondBadge } from '../../../shared/domain/stock-count';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useStationCall } from '../../ui/use-station';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { ConfirmCount } from './ConfirmCount';
import { parseCount, signed } from './count-input';
import { RecentCounts } from './RecentCounts';
import { ThresholdSetting } from './ThresholdSetting';
import { useSession } from '../sign-in/session-store';
import { useStockCount } from './stock-count-store';

/** Whether the count being confirmed is above the threshold, so the next scan is the second supervisor's badge. */
function wantsBadge(state: { target: StockCountTarget | null; counts: Record<string, number>; confirming: string | null }): boolean {
  const item = state.target?.items.find((candidate) => candidate.sku === state.confirming);
  const counted = item ? state.counts[item.sku] : undefined;
  return item !== undefined && counted !== undefined && needsSecondBadge(countVariance({ book: item.book, counted }), state.target!.secondBadgeAbove);
}

/**
 * 在庫調整・棚卸 (cycle count): scan a bin label (every SKU shelved there) or an item, then scan each unit found or
 * key the count; each SKU shows its book (picks in progress already off it), what was found and the difference.
 * Confirming asks for a reason, and above the threshold a second supervisor's badge. Works with the hub away: the
 * station records the count in its outbox and the hub applies it once when it is back.
 */
export function StockCountScreen() {
  const { t } = useTranslation();
  const target = useStockCount((state) => state.target);
  const counts = useStockCount((state) => state.counts);
  const confirming = useStockCount((state) => state.confirming);
  const { run } = useStationCall();
  const [code, setCode] = useState('');
  const [keyed, setKeyed] = useState<Record<string, string>>({});
  const [badge, setBadge] = useState('');
  const [recorded, setRecorded] = useState(0);
  const signal = useFeedback((state) => state.signal);
  const admin = useSession((state) => state.session?.user.role === 'admin');

  const refuse = useCallback(
    (found: StockCountTarget) => signal('bad', (tt) => tt(`stockCount.refusals.${found.refusal ?? 'unknown-code'}`, { threshold: found.secondBadgeAbove })),
    [signal],
  );

  /**
   * A scanned code: a bin or SKU opens its count; a unit of a SKU in the open count adds one. A code typed into the
   * field (`typed`) always opens: nobody types a unit.
   */
  const take = useCallback(
    async (text: string, typed = false) => {
      const state = useStockCount.getState();
      // While a second badge is wanted, a scan is that badge, never an item.
      if (!typed && wantsBadge(state)) {
        setBadge(text);
        return;
      }
      const open = state.target;
      if (!typed && open) {
        // A unit while counting: only what the code is, not the book again (quick, scan after scan).
        const code = await run('stockCount.resolve', { code: text });
        if (!code) return;
        if (code.kind === 'unknown') return refuse({ ...open, refusal: 'unknown-code' });
        const unit = open.items.find((item) => item.sku === code.code);
        if (unit) {
          const count = useStockCount.getState().scanned(unit.sku);
          return signal('good', (tt) => tt('stockCount.scanned', { name: `${unit.itemName} ${unit.optionName}`, count }));
        }
        // A unit of another SKU while a bin is open is not this bin's: the count in progress is kept.
        if (open.bin && code.kind === 'sku') return refuse({ ...open, refusal: 'not-in-count' });
      }
      const found = await run('stockCount.open', { code: text });
      if (!found) return;
      if (found.verdict === 'refused') return refuse(found);
      useStockCount.getState().open(found);
      setKeyed({});
      signal('good', (tt) => (found.bin ? tt('stockCount.countingBin', { bin: found.bin }) : tt('stockCount.countingSku', { sku: found.items[0]?.sku ?? '' })));
    },
    [refuse, run, signal],
  );
  useScanConsumer((scan) => void take(scan.text));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void take(code.trim(), true);
    setCode('');
  };

  const key = (sku: string) => {
    const count = parseCount(keyed[sku] ?? '');
    if (count === null) return signal('bad', (tt) => tt('stockCount.refusals.bad-count'));
    useStockCount.getState().keyed(sku, count);
    setKeyed({ ...keyed, [sku]: '' });
  };

  /** After a count is recorded: the target again from the station, so the book is the new one. */
  const afterRecord = async (sku: string) => {
    setBadge('');
    setRecorded((n) => n + 1);
    const open = useStockCount.getState().target;
    const again = open ? await run('stockCount.open', { code: open.bin ?? sku }) : undefined;
    useStockCount.getState().recorded(again && again.verdict !== 'refused' ? again : null, sku);
  };

  const confirmingItem = target?.items.find((item) => item.sku === confirming) ?? null;
  return (
    <section className="screen" data-testid="stock-count" aria-labelledby="stock-count-title">
      <h1 id="stock-count-title">{t('areas.stock-count')}</h1>
      <p className="hint">{t('stockCount.hint')}</p>
      <form className="row wrap" onSubmit={submit}>
        <label>
          {t('stockCount.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="stock-count-code" autoFocus />
        </label>
        <button type="submit" className="primary" disabled={code.trim() === ''}>
          {t('stockCount.open')}
        </button>
      </form>
      {target ? (
        <>
          <h2 data-testid="stock-count-target">
            {target.bin ? t('stockCount.countingBin', { bin: target.bin }) : t('stockCount.countingSku', { sku: target.items[0]?.sku ?? '' })}{' '}
            <button type="button" className="secondary" onClick={() => useStockCount.getState().close()}>
              {t('stockCount.close')}
            </button>
          </h2>
          <ScanTable
            testId="stock-count-items"
            headers={[
              t('stockCount.item'),
              t('stockCount.bin'),
              t('stockCount.book'),
              t('stockCount.counted'),
              t('stockCount.variance'),
              t('stockCount.keyCount'),
              '',
            ]}
          >
            {target.items.map((item) => {
              const counted = counts[item.sku];
              const variance = counted === undefined ? null : countVariance({ book: item.book, counted });
              return (
                <ScanRow
                  key={item.sku}
                  testId={`stock-count-row-${item.sku}`}
                  tone={item.sku === confirming ? 'active' : variance ? 'bad' : null}
                  data={{ 'data-book': item.book, 'data-counted': counted ?? '', 'data-variance': variance ?? '' }}
                >
                  <td>
                    {item.itemName}
                    <br />
                    <small>{item.optionName}</small> <small className="code">{item.sku}</small>
                  </td>
                  <td className="code">{item.bin ?? t('stockCount.noBin')}</td>
                  <td data-testid={`stock-count-book-${item.sku}`}>
                    {item.book}
                    {item.picking > 0 ? (
                      <>
                        <br />
                        <small>
                          {t('stockCount.picking')} {item.picking}
                        </small>
                      </>
                    ) : null}
                  </td>
                  <td data-testid={`stock-count-counted-${item.sku}`}>{counted ?? '—'}</td>
                  <td data-testid={`stock-count-variance-${item.sku}`}>{variance === null ? '—' : signed(variance)}</td>
                  <td>
                    <span className="row">
                      <input
                        aria-label={t('stockCount.keyCount')}
                        inputMode="numeric"
                        value={keyed[item.sku] ?? ''}
                        onChange={(event) => setKeyed({ ...keyed, [item.sku]: event.target.value })}
                        onKeyDown={(event) => event.key === 'Enter' && key(item.sku)}
                        data-testid={`stock-count-key-${item.sku}`}
                      />
                      <button type="button" onClick={() => key(item.sku)} data-testid={`stock-count-set-${item.sku}`}>
                        {t('stockCount.set')}
                      </button>
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="primary"
                      disabled={counted === undefined}
                      data-testid={`stock-count-confirm-${item.sku}`}
                      onClick={() => {
                        setBadge('');
                        useStockCount.getState().confirm(item.sku);
                      }}
                    >
                      {t('stockCount.confirm')}
                    </button>
                  </td>
                </ScanRow>
              );
            })}
          </ScanTable>
          {confirmingItem && counts[confirmingItem.sku] !== undefined ? (
            <ConfirmCount
              key={confirmingItem.sku}
              target={target}
              item={confirmingItem}
              counted={counts[confirmingItem.sku]!}
              badge={badge}
              onBadge={setBadge}
              onRecorded={() => void afterRecord(confirmingItem.sku)}
            />
          ) : null}
        </>
      ) : (
        <p className="waiting">{t('stockCount.scanTarget')}</p>
      )}
      <RecentCounts version={recorded} />
      {admin ? (
        <ThresholdSetting
          onSaved={() => {
            // The open count asks again, so its threshold is the new one.
            const open = useStockCount.getState().target;
            if (open)
              void run('stockCount.open', { code: open.bin ?? open.items[0]?.sku ?? '' }).then(
                (again) => again && again.verdict !== 'refused' && useStockCount.getState().open(again),
              );
          }}
        />
      ) : null}
    </section>
  );
}

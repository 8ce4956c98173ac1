import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DockArrival } from '../../../shared/contract/receiving';
import { LoadState } from '../../ui/LoadState';
import { useStationCall, useStationLoad } from '../../ui/use-station';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { BundleList } from './BundleList';
import { bundleStateText } from './bundle-state-text';

/** The dock: scan a box (seller id + bundle number) or pick the bundle from the expected list; it becomes arrived. */
export function DockScreen() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [boxes, setBoxes] = useState('');
  const [last, setLast] = useState<DockArrival | null>(null);

  // A refused load says why (and can be asked again) instead of showing an empty list.
  const expected = useStationLoad('receiving.expected', {});
  const refresh = expected.reload;

  const { run } = useStationCall();

  const arrive = useCallback(
    async (boxCode: string, boxesReceived?: number) => {
      // A refused call is already on the scan banner.
      const result = await run('receiving.arrive', { code: boxCode, ...(boxesReceived ? { boxesReceived } : {}) });
      if (!result) return;
      setLast(result);
      const signal = useFeedback.getState().signal;
      if (result.accepted) signal('done', t('receiving.arrived', { id: result.bundle?.id, seller: result.bundle?.sellerName }));
      else signal('bad', t(`receiving.reasons.${result.refusal ?? 'unknown-bundle'}`, { state: result.state ? bundleStateText(t, result.state) : '' }));
      refresh();
    },
    [refresh, run, t],
  );
  useScanConsumer((scan) => void arrive(scan.text));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = Number(boxes);
    void arrive(code, Number.isInteger(count) && count > 0 ? count : undefined);
    setCode('');
    setBoxes('');
  };

  return (
    <section className="screen" data-testid="dock" aria-labelledby="dock-title">
      <h1 id="dock-title">{t('areas.receiving')}</h1>
      <p className="hint">{t('receiving.hint')}</p>
      <form className="row wrap" onSubmit={submit}>
        <label>
          {t('receiving.boxCode')}
          <input value={code} onChange={(event) => setCode(event.target.value)} data-testid="dock-code" />
        </label>
        <label>
          {t('receiving.boxes')}
          <input value={boxes} inputMode="numeric" onChange={(event) => setBoxes(event.target.value.replace(/\D/g, ''))} data-testid="dock-boxes" />
        </label>
        <button type="submit" className="primary" disabled={code.trim() === ''}>
          {t('receiving.arrive')}
        </button>
      </form>
      {last ? (
        <p className={last.accepted ? 'result ok' : 'result bad'} data-testid="dock-result" role="status">
          {last.accepted
            ? t('receiving.arrived', { id: last.bundle?.id, seller: last.bundle?.sellerName })
            : t(`receiving.reasons.${last.refusal ?? 'unknown-bundle'}`, { state: last.state ? bundleStateText(t, last.state) : '' })}
        </p>
      ) : null}
      <h2>{t('receiving.expected')}</h2>
      {/* In the order they are expected; requested and confirmed ones say what they wait for. */}
      <LoadState load={expected} testId="dock-expected" />
      {expected.data ? (
        <BundleList
          bundles={expected.data.filter((bundle) => bundle.state !== 'arrived')}
          action={t('receiving.arrive')}
          onAction={(bundle) => void arrive(bundle.id)}
        />
      ) : null}
    </section>
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionScanResult } from '../../../shared/contract/receiving';
import { station } from '../../station-client/station-client';
import { LoadState } from '../../ui/LoadState';
import { signalRefusal, useStationCall, useStationLoad } from '../../ui/use-station';
import { BundleList } from '../receiving/BundleList';
import { useFeedback } from '../scanning/feedback-store';
import { useScanConsumer } from '../scanning/scan-consumer';
import { InspectionTable } from './InspectionTable';
import { useInspection } from './inspection-store';

/** Quantity-only inspection: pick (or scan) an arrived bundle, then scan each unit or key a count per line. */
export function InspectionScreen() {
  const { t } = useTranslation();
  const view = useInspection((state) => state.view);
  const show = useInspection((state) => state.show);
  // Loaded again each time the picker shows (a bundle closed may have changed the list); a refusal says why.
  const bundles = useStationLoad('receiving.expected', {}, { enabled: !view });

  const { run } = useStationCall();

  const open = useCallback(
    async (bundleId: string) => {
      // A bundle that cannot be inspected is refused on the scan banner; the picker stays.
      const opened = await run('inspection.open', { bundleId });
      if (opened) show(opened);
    },
    [run, show],
  );

  const answer = useCallback(
    (result: InspectionScanResult) => {
      show(result.view);
      const line = result.view.lines.find((candidate) => candidate.lineId === result.lineId);
      const signal = useFeedback.getState().signal;
      if (result.verdict === 'refused') signal('bad', t(`receiving.reasons.${result.refusal ?? 'unknown-item'}`, { state: '' }));
      else if (result.verdict === 'over') signal('bad', t('inspection.overScan', { name: line?.itemName ?? '', counted: line?.counted ?? 0 }));
      else
        signal(
          line && line.expected !== null && line.counted === line.expected ? 'done' : 'good',
          t('inspection.countedScan', { name: `${line?.itemName ?? ''} ${line?.optionName ?? ''}`, counted: line?.counted ?? 0 }),
        );
    },
    [show, t],
  );

  useScanConsumer((scan) => {
    const bundleId = /IB\d{8}/i.exec(scan.text)?.[0]?.toUpperCase();
    const current = useInspection.getState().view;
    if (!current || (bundleId && bundleId !== current.bundle.id)) {
      if (bundleId) void open(bundleId);
      else useFeedback.getState().signal('bad', t('inspection.chooseFirst'));
      return;
    }
    void station.call('inspection.scan', { bundleId: current.bundle.id, code: scan.text }).then(answer).catch(signalRefusal);
  });

  if (!view) {
    return (
      <section className="screen" data-testid="inspection-picker" aria-labelledby="inspection-title">
        <h1 id="inspection-title">{t('areas.inspection')}</h1>
        <p className="hint">{t('inspection.pickHint')}</p>
        <LoadState load={bundles} testId="inspection-bundles" />
        {bundles.data ? (
          <BundleList
            bundles={bundles.data.filter((bundle) => bundle.state === 'arrived')}
            action={t('inspection.open')}
            onAction={(bundle) => void open(bundle.id)}
          />
        ) : null}
      </section>
    );
  }
  return <InspectionTable view={view} onAnswer={answer} onClose={() => show(null)} />;
}

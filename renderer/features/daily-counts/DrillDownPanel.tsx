import { useTranslation } from 'react-i18next';
import type { DailyCountFigure } from '../../../shared/hub/routes/daily-counts';
import { useDisplayTime } from '../../ui/display-time';
import { LoadState } from '../../ui/LoadState';
import { useReveal } from '../../ui/reveal';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useStationLoad } from '../../ui/use-station';
import { detailText } from './daily-counts-text';

/**
 * The rows behind one figure of the day, asked of the station (which asks the hub, or answers the list it kept, marked
 * stale). Opened by pressing the figure; the refusal of the load is shown in place with a retry.
 */
export function DrillDownPanel({
  figure,
  input,
  onClose,
}: {
  figure: DailyCountFigure;
  input: { date?: string; branchCode?: string | null };
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDisplayTime();
  const load = useStationLoad('dailyCounts.list', { ...input, figure });
  const panel = useReveal<HTMLElement>([figure, load.data?.rows.length ?? -1]);
  const list = load.data?.figure === figure ? load.data : null;
  return (
    <section ref={panel} className="report" data-testid="daily-drill" data-figure={figure} aria-labelledby="daily-drill-title">
      <div className="row wrap">
        <h2 id="daily-drill-title">{t('dailyCounts.drill.title', { figure: t(`dailyCounts.figures.${figure}`) })}</h2>
        <button type="button" className="secondary" data-testid="daily-drill-close" onClick={onClose}>
          {t('dailyCounts.drill.close')}
        </button>
      </div>
      <LoadState load={load} testId="daily-drill" />
      {list ? (
        <>
          {list.stale ? (
            <p className="result warn" data-testid="daily-drill-stale">
              {t('dailyCounts.staleList', { time: dateTime(list.asOf) })}
            </p>
          ) : null}
          {list.rows.length === 0 ? (
            <p className="hint" data-testid="daily-drill-empty">
              {t('dailyCounts.drill.empty')}
            </p>
          ) : (
            <ScanTable
              testId="daily-drill-rows"
              headers={[
                t('dailyCounts.columns.id'),
                t('dailyCounts.columns.seller'),
                t('dailyCounts.columns.at'),
                t('dailyCounts.columns.detail'),
                t('dailyCounts.columns.quantity'),
              ]}
            >
              {list.rows.map((row, index) => (
                <ScanRow key={`${row.id}-${index}`} testId={`daily-drill-row-${row.id}`}>
                  <td className="code">{row.id}</td>
                  <td>{row.sellerId ?? ''}</td>
                  <td>{row.at ? dateTime(row.at) : ''}</td>
                  <td>{detailText(t, figure, row.detail, i18n.language)}</td>
                  <td>{row.quantity ?? ''}</td>
                </ScanRow>
              ))}
            </ScanTable>
          )}
          {list.truncated ? <p className="hint">{t('dailyCounts.drill.truncated')}</p> : null}
        </>
      ) : null}
    </section>
  );
}

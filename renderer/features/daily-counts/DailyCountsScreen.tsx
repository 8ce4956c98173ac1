import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyCountsAnswer } from '../../../shared/contract/daily-counts';
import { branchNames } from '../../../shared/domain/identifiers';
import { addDays } from '../../../shared/domain/tokyo-time';
import { station } from '../../station-client/station-client';
import { useDisplayTime } from '../../ui/display-time';
import { LoadState } from '../../ui/LoadState';
import { useStationCall, useStationLoad } from '../../ui/use-station';
import { PrintJobResult } from '../printing/PrintJobResult';
import { signalPrint } from '../printing/print-signal';
import { useFeedback } from '../scanning/feedback-store';
import { dayInput, useDailyCounts, type BranchChoice } from './daily-counts-store';
import { DrillDownPanel } from './DrillDownPanel';
import { DayFigures } from './DayFigures';
import { Floor, Mismatches } from './FloorTables';

/**
 * The chart library is loaded with the screen that draws it, as a chunk of its own (from the app's own files, as the
 * CSP wants): the floor screens of clerks and packers do not carry it.
 */
const DailyCountsCharts = lazy(() => import('./DailyCountsCharts').then((module) => ({ default: module.DailyCountsCharts })));

/** The figures are asked again this often while the screen is open (the floor moves; the hub may come back). */
const refreshMs = 30_000;

const branchValue = (branch: BranchChoice) => (branch.kind === 'code' ? branch.code : branch.kind);

/**
 * 日次集計 (supervisors and admins): for a Tokyo day (today by default) and a branch (this station's by default, or
 * all), what came in, what went out and how the floor stands, with charts of the day by hour and the last 14 days.
 * Every number opens the rows behind it. With the hub away the station answers the last figures it had, and the
 * screen says from when. The day exports as .xlsx and prints as an A4 report (both kept in the station's reports
 * folder, the path shown).
 */
export function DailyCountsScreen() {
  const { t } = useTranslation();
  const { day, dateTime } = useDisplayTime();
  const date = useDailyCounts((state) => state.date);
  const branch = useDailyCounts((state) => state.branch);
  const open = useDailyCounts((state) => state.open);
  const exported = useDailyCounts((state) => state.exported);
  const printed = useDailyCounts((state) => state.printed);
  const input = dayInput(date, branch);
  const load = useStationLoad('dailyCounts.day', input);
  const call = useStationCall();
  const { reload } = load;

  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    const offJob = station.on('print.job', (job) => useDailyCounts.getState().jobMoved(job));
    return () => {
      clearInterval(timer);
      offJob();
    };
  }, [reload]);

  const answer: DailyCountsAnswer | null = load.data;
  const shownDate = answer?.counts.date ?? date;
  const stationBranch = answer?.stationBranch ?? null;
  const choose = useDailyCounts.getState().choose;

  const exportDay = async () => {
    const file = await call.run('dailyCounts.export', input);
    if (!file) return;
    useDailyCounts.getState().exportedTo(file.path);
    useFeedback.getState().signal('done', (tr) => tr('dailyCounts.exported', { path: file.path }));
  };
  const printDay = async () => {
    const result = await call.run('dailyCounts.print', input);
    if (!result) return;
    useDailyCounts.getState().printedTo(result.path, result.job);
    signalPrint(result.job, (tr) => tr('dailyCounts.printQueued', { date: shownDate ? day(shownDate) : '' }), 'daily-report');
  };

  return (
    <section className="screen" data-testid="daily-counts" aria-labelledby="daily-counts-title">
      <h1 id="daily-counts-title">{t('areas.daily-counts')}</h1>
      <p className="hint">{t('dailyCounts.hint')}</p>
      {/* The day in the one display format, stepped a day at a time (as the manifest screen does). */}
      <div className="row wrap">
        <span>{t('dailyCounts.date')}</span>
        <button
          type="button"
          className="secondary"
          data-testid="daily-previous-day"
          disabled={!shownDate}
          onClick={() => shownDate && choose(addDays(shownDate, -1))}
        >
          ‹ {t('dailyCounts.previousDay')}
        </button>
        <strong className="code" data-testid="daily-date" data-date={shownDate ?? ''}>
          {shownDate ? day(shownDate) : ''}
        </strong>
        <button
          type="button"
          className="secondary"
          data-testid="daily-next-day"
          disabled={!shownDate}
          onClick={() => shownDate && choose(addDays(shownDate, 1))}
        >
          {t('dailyCounts.nextDay')} ›
        </button>
        <button type="button" className="secondary" data-testid="daily-today" onClick={() => choose(null)}>
          {t('dailyCounts.today')}
        </button>
        <label className="row">
          <span>{t('dailyCounts.branch')}</span>
          <select
            data-testid="daily-branch"
            value={branchValue(branch)}
            onChange={(event) => {
              const value = event.target.value;
              useDailyCounts
                .getState()
                .chooseBranch(value === 'station' ? { kind: 'station' } : value === 'all' ? { kind: 'all' } : { kind: 'code', code: value });
            }}
          >
            <option value="station">
              {stationBranch ? `${branchNames[stationBranch] ?? stationBranch}${t('dailyCounts.thisStation')}` : t('dailyCounts.thisStation')}
            </option>
            <option value="all">{t('dailyCounts.branchAll')}</option>
            {Object.entries(branchNames)
              .filter(([code]) => code !== stationBranch)
              .map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
          </select>
        </label>
        <button type="button" className="secondary" data-testid="daily-refresh" onClick={reload}>
          {t('dailyCounts.refresh')}
        </button>
      </div>
      <div className="row wrap">
        <button type="button" className="primary" data-testid="daily-export" disabled={!answer || call.busy} onClick={() => void exportDay()}>
          {t('dailyCounts.export')}
        </button>
        <button type="button" className="primary" data-testid="daily-print" disabled={!answer || call.busy} onClick={() => void printDay()}>
          {t('dailyCounts.print')}
        </button>
      </div>
      {exported ? (
        <p className="hint" data-testid="daily-exported">
          {t('dailyCounts.exported', { path: exported.path })}
        </p>
      ) : null}
      {printed ? (
        <>
          <PrintJobResult
            job={printed.job}
            fallback="daily-report"
            testId="daily-print-job"
            onRetried={(job) => useDailyCounts.getState().printedTo(printed.path, job)}
          />
          <p className="hint" data-testid="daily-saved">
            {t('dailyCounts.saved', { path: printed.path })}
          </p>
        </>
      ) : null}
      <LoadState load={load} testId="daily-counts" />
      {answer ? (
        <>
          {answer.stale ? (
            <p className="result warn" role="status" data-testid="daily-stale" data-as-of={answer.counts.asOf}>
              {t('dailyCounts.stale', { time: dateTime(answer.counts.asOf) })}
            </p>
          ) : (
            <p className="hint" data-testid="daily-as-of">
              {t('dailyCounts.asOf', { time: dateTime(answer.counts.asOf) })}
            </p>
          )}
          <DayFigures counts={answer.counts} />
          {open ? (
            <DrillDownPanel key={`${open}-${JSON.stringify(input)}`} figure={open} input={input} onClose={() => useDailyCounts.getState().drill(null)} />
          ) : null}
          <Floor counts={answer.counts} />
          <Suspense fallback={<p className="waiting">{t('stationCall.loading')}</p>}>
            <DailyCountsCharts counts={answer.counts} />
          </Suspense>
          <Mismatches counts={answer.counts} />
        </>
      ) : null}
    </section>
  );
}

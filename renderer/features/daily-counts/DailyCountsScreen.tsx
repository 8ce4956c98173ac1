import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyCountsAnswer } from '../../../shared/contract/daily-counts';
import { branchNames } from '../../../shared/domain/identifiers';
import { addDays } from '../../../shared/domain/tokyo-time';
import type { DailyCountFigure, DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { station } from '../../station-client/station-client';
import { useDisplayTime } from '../../ui/display-time';
import { LoadState } from '../../ui/LoadState';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { useStationCall, useStationLoad } from '../../ui/use-station';
import { PrintJobResult } from '../printing/PrintJobResult';
import { signalPrint } from '../printing/print-signal';
import { useFeedback } from '../scanning/feedback-store';
import { dayInput, useDailyCounts, type BranchChoice } from './daily-counts-store';
import { orderStateText, reasonText, serviceText, timeLeftText } from './daily-counts-text';
import { DrillDownPanel } from './DrillDownPanel';

/**
 * The chart library is loaded with the screen that draws it, as a chunk of its own (from the app's own files, as the
 * CSP wants): the floor screens of clerks and packers do not carry it.
 */
const DailyCountsCharts = lazy(() => import('./DailyCountsCharts').then((module) => ({ default: module.DailyCountsCharts })));

/** The figures are asked again this often while the screen is open (the floor moves; the hub may come back). */
const refreshMs = 30_000;

/** A number that opens the list behind it. */
function Figure({ figure, value, testId }: { figure: DailyCountFigure; value: number; testId?: string }) {
  const drill = useDailyCounts((state) => state.drill);
  const open = useDailyCounts((state) => state.open);
  return (
    <button
      type="button"
      className={`figure-number${open === figure ? ' active' : ''}`}
      data-testid={testId ?? `daily-figure-${figure}`}
      data-value={value}
      onClick={() => drill(figure)}
    >
      {value}
    </button>
  );
}

/** One labelled figure of a section. */
function FigureRow({ figure, value, children }: { figure: DailyCountFigure; value: number; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="figure-row">
      <span>{t(`dailyCounts.figures.${figure}`)}</span>
      <Figure figure={figure} value={value} />
      {children ? <div className="hint">{children}</div> : null}
    </li>
  );
}

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

/** Inbound and outbound side by side where the screen is wide enough, then what is at risk, full width. */
function DayFigures({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { dateTime } = useDisplayTime();
  const { inbound, outbound } = counts;
  const discrepancyTotal = inbound.discrepancies.short + inbound.discrepancies.over + inbound.discrepancies.unknown + inbound.discrepancies.damaged;
  const waitingTotal = outbound.waiting.reduce((sum, group) => sum + group.orders, 0);
  const shippedTotal = outbound.shippedByService.reduce((sum, group) => sum + group.orders, 0);
  // Time left is reckoned from when the figures were taken: kept figures do not pretend to know later.
  const asOf = new Date(counts.asOf);
  return (
    <>
      <div className="daily-sections">
        <section className="report" data-testid="daily-inbound" aria-labelledby="daily-inbound-title">
          <h2 id="daily-inbound-title">{t('dailyCounts.sections.inbound')}</h2>
          <ul className="figure-list">
            <FigureRow figure="bundlesArrived" value={inbound.bundlesArrived} />
            <FigureRow figure="bundlesInspected" value={inbound.bundlesInspected} />
            <FigureRow figure="bundlesCompleted" value={inbound.bundlesCompleted} />
            <FigureRow figure="bundlesHeld" value={inbound.bundlesHeld.length}>
              {inbound.bundlesHeld.map((held) => (
                <div key={held.bundleId} data-testid={`daily-held-${held.bundleId}`}>
                  {t('dailyCounts.heldBecause', { bundle: held.bundleId, reason: reasonText(t, held.reason) })}
                </div>
              ))}
            </FigureRow>
            <FigureRow figure="bundlesRejected" value={inbound.bundlesRejected} />
            <FigureRow figure="unitsCounted" value={inbound.unitsCounted} />
            <FigureRow figure="discrepancies" value={discrepancyTotal}>
              {(['short', 'over', 'unknown', 'damaged'] as const).map((kind) => (
                <span key={kind} className="figure-part" data-testid={`daily-discrepancy-${kind}`} data-value={inbound.discrepancies[kind]}>
                  {t(`dailyCounts.discrepancyKinds.${kind}`)} {inbound.discrepancies[kind]}
                </span>
              ))}
            </FigureRow>
            <FigureRow figure="lateBundles" value={inbound.lateBundles.length} />
            <FigureRow figure="dueToday" value={inbound.dueToday.length} />
          </ul>
        </section>
        <section className="report" data-testid="daily-outbound" aria-labelledby="daily-outbound-title">
          <h2 id="daily-outbound-title">{t('dailyCounts.sections.outbound')}</h2>
          <ul className="figure-list">
            <FigureRow figure="ordersPaid" value={outbound.ordersPaid} />
            <FigureRow figure="ordersAllocated" value={outbound.ordersAllocated} />
            <FigureRow figure="waiting" value={waitingTotal}>
              {outbound.waiting.map((group) => (
                <div key={group.reason} data-testid={`daily-waiting-${group.reason}`} data-value={group.orders}>
                  {t('dailyCounts.waitingBy', { reason: reasonText(t, group.reason), orders: group.orders })}
                </div>
              ))}
            </FigureRow>
            <FigureRow figure="ordersPicked" value={outbound.ordersPicked} />
            <FigureRow figure="ordersPacked" value={outbound.ordersPacked} />
            <FigureRow figure="ordersShipped" value={shippedTotal}>
              {outbound.shippedByService.map((group) => (
                <div key={group.service} data-testid={`daily-shipped-${group.service}`} data-orders={group.orders} data-parcels={group.parcels}>
                  {t('dailyCounts.shippedBy', { service: serviceText(t, group.service), orders: group.orders, parcels: group.parcels })}
                </div>
              ))}
            </FigureRow>
            <FigureRow figure="dueNotShipped" value={outbound.dueNotShipped.length} />
          </ul>
        </section>
      </div>
      {inbound.lateBundles.length + inbound.dueToday.length > 0 ? (
        <section className="report" data-testid="daily-deadline-list" aria-labelledby="daily-deadline-title">
          <h2 id="daily-deadline-title">
            {t('dailyCounts.figures.lateBundles')} / {t('dailyCounts.figures.dueToday')}
          </h2>
          <ScanTable
            testId="daily-deadlines"
            headers={[t('dailyCounts.columns.id'), t('dailyCounts.columns.seller'), t('dailyCounts.columns.at'), t('dailyCounts.columns.detail')]}
          >
            {inbound.lateBundles.map((bundle) => (
              <ScanRow key={`late-${bundle.bundleId}`} testId={`daily-late-${bundle.bundleId}`} tone="bad">
                <td className="code">{bundle.bundleId}</td>
                <td>{bundle.sellerId}</td>
                <td>{dateTime(bundle.arrivedAt)}</td>
                <td>
                  {t('dailyCounts.deadline', { time: dateTime(bundle.deadline) })}
                  <span className="badge bad">{t('dailyCounts.figures.lateBundles')}</span>
                </td>
              </ScanRow>
            ))}
            {inbound.dueToday.map((bundle) => (
              <ScanRow key={`due-${bundle.bundleId}`} testId={`daily-due-${bundle.bundleId}`}>
                <td className="code">{bundle.bundleId}</td>
                <td>{bundle.sellerId}</td>
                <td>{dateTime(bundle.arrivedAt)}</td>
                <td>
                  {t('dailyCounts.deadline', { time: dateTime(bundle.deadline) })}
                  <span className="badge warn">{t('dailyCounts.figures.dueToday')}</span>
                </td>
              </ScanRow>
            ))}
          </ScanTable>
        </section>
      ) : null}
      {outbound.dueNotShipped.length > 0 ? (
        <section className="report" data-testid="daily-due-list" aria-labelledby="daily-due-title">
          <h2 id="daily-due-title">{t('dailyCounts.figures.dueNotShipped')}</h2>
          <ScanTable
            testId="daily-due-orders"
            headers={[
              t('dailyCounts.columns.orderNo'),
              t('dailyCounts.columns.seller'),
              t('dailyCounts.columns.state'),
              t('dailyCounts.columns.cutoff'),
              t('dailyCounts.columns.timeLeft'),
            ]}
          >
            {outbound.dueNotShipped.map((order) => (
              <ScanRow key={order.orderId} testId={`daily-due-order-${order.orderNo}`} tone={Date.parse(order.cutoff) <= asOf.getTime() ? 'bad' : null}>
                <td className="code">{order.orderNo}</td>
                <td>{order.sellerId}</td>
                <td>{orderStateText(t, order.state)}</td>
                <td>{dateTime(order.cutoff)}</td>
                <td>{timeLeftText(t, order.cutoff, asOf)}</td>
              </ScanRow>
            ))}
          </ScanTable>
        </section>
      ) : null}
    </>
  );
}

/** The stations (outbox, print problems, last contact) and the people (their day, and by hour). */
function Floor({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { dateTime } = useDisplayTime();
  const orDash = (value: number | null) => (value === null ? t('dailyCounts.unknown') : value);
  return (
    <>
      <section className="report" data-testid="daily-stations" aria-labelledby="daily-stations-title">
        <h2 id="daily-stations-title">{t('dailyCounts.sections.stations')}</h2>
        <ScanTable
          headers={[
            t('dailyCounts.columns.station'),
            t('dailyCounts.columns.outbox'),
            t('dailyCounts.columns.printProblems'),
            t('dailyCounts.columns.lastContact'),
          ]}
        >
          {counts.stations.map((station) => (
            <ScanRow
              key={station.stationId}
              testId={`daily-station-${station.stationId}`}
              tone={(station.outboxWaiting ?? 0) > 0 || (station.printProblems ?? 0) > 0 ? 'bad' : null}
            >
              <td>
                {station.name} <span className="code hint">{station.stationId}</span>
              </td>
              <td>{orDash(station.outboxWaiting)}</td>
              <td>{orDash(station.printProblems)}</td>
              <td>{station.lastContactAt ? dateTime(station.lastContactAt) : t('dailyCounts.never')}</td>
            </ScanRow>
          ))}
        </ScanTable>
      </section>
      <section className="report" data-testid="daily-people" aria-labelledby="daily-people-title">
        <h2 id="daily-people-title">{t('dailyCounts.sections.people')}</h2>
        <ScanTable
          headers={[
            t('dailyCounts.columns.person'),
            t('dailyCounts.columns.unitsCounted'),
            t('dailyCounts.columns.itemsPicked'),
            t('dailyCounts.columns.parcelsPacked'),
            t('dailyCounts.sections.byHour'),
          ]}
        >
          {counts.people.map((person) => (
            <ScanRow
              key={person.userId}
              testId={`daily-person-${person.userId}`}
              data={{ 'data-units': person.unitsCounted, 'data-picked': person.itemsPicked, 'data-packed': person.parcelsPacked }}
            >
              <td>{person.name}</td>
              <td>{person.unitsCounted}</td>
              <td>{person.itemsPicked}</td>
              <td>{person.parcelsPacked}</td>
              <td className="hint">
                {person.byHour.unitsCounted
                  .map((units, hour) => ({ hour, units, picked: person.byHour.itemsPicked[hour] ?? 0, packed: person.byHour.parcelsPacked[hour] ?? 0 }))
                  .filter((entry) => entry.units + entry.picked + entry.packed > 0)
                  .map((entry) => `${t('dailyCounts.charts.hour', { hour: entry.hour })} ${entry.units} / ${entry.picked} / ${entry.packed}`)
                  .join(' · ')}
              </td>
            </ScanRow>
          ))}
        </ScanTable>
      </section>
    </>
  );
}

/** SKUs whose stock differs from their ledger at the last reconciliation: shown, never fixed silently. */
function Mismatches({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { dateTime } = useDisplayTime();
  return (
    <section className="report" data-testid="daily-mismatches" aria-labelledby="daily-mismatches-title">
      <h2 id="daily-mismatches-title">{t('dailyCounts.sections.mismatches')}</h2>
      {counts.mismatches.length === 0 ? (
        <p className="hint">{t('dailyCounts.noMismatches')}</p>
      ) : (
        <ScanTable
          headers={[
            t('dailyCounts.columns.sku'),
            t('dailyCounts.branch'),
            t('dailyCounts.columns.condition'),
            t('dailyCounts.columns.stock'),
            t('dailyCounts.columns.ledger'),
            t('dailyCounts.columns.checkedAt'),
          ]}
        >
          {counts.mismatches.map((mismatch) => (
            <ScanRow
              key={`${mismatch.sku}-${mismatch.branchCode}-${mismatch.condition}`}
              testId={`daily-mismatch-${mismatch.sku}-${mismatch.condition}`}
              tone="bad"
            >
              <td className="code">{mismatch.sku}</td>
              <td>{branchNames[mismatch.branchCode] ?? mismatch.branchCode}</td>
              <td>{t(`dailyCounts.conditions.${mismatch.condition}`)}</td>
              <td>{mismatch.stock}</td>
              <td>{mismatch.ledger}</td>
              <td>{dateTime(mismatch.checkedAt)}</td>
            </ScanRow>
          ))}
        </ScanTable>
      )}
    </section>
  );
}

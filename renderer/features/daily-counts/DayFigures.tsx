import { useTranslation } from 'react-i18next';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { useDisplayTime } from '../../ui/display-time';
import { ScanRow, ScanTable } from '../../ui/ScanTable';
import { orderStateText, reasonText, serviceText, timeLeftText } from './daily-counts-text';
import { FigureRow } from './Figure';

/** Inbound and outbound side by side where the screen is wide enough, then what is at risk, full width. */
export function DayFigures({ counts }: { counts: DailyCountsView }) {
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

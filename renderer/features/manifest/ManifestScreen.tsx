import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManifestDayView } from '../../../shared/contract/manifest';
import type { ParcelService } from '../../../shared/domain/parcel-services';
import { addDays } from '../../../shared/domain/tokyo-time';
import { station } from '../../station-client/station-client';
import { useDisplayTime } from '../../ui/display-time';
import { errorText } from '../../ui/error-text';
import { LoadState } from '../../ui/LoadState';
import { useFeedback } from '../scanning/feedback-store';
import { PrintJobResult } from '../printing/PrintJobResult';
import { signalPrint } from '../printing/print-signal';
import { useManifest } from './manifest-store';

type Section = ManifestDayView['sections'][number];
type Parcel = Section['parcels'][number];

/** How often the open screen asks again: parcels scanned out at other benches arrive through the hub's feed. */
const refreshMs = 5000;

const readable = (trackingNo: string) => trackingNo.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');

/**
 * 出荷明細 (end of day): for the chosen Tokyo day, one section per service with the carrier whose driver collects it,
 * the parcels handed over and their counts, and a button that prints that service's manifest for the driver to sign.
 * It reads the station (its cache of the hub and its own outbox), so it works with the hub away.
 */
export function ManifestScreen() {
  const { t } = useTranslation();
  const { day: showDay } = useDisplayTime();
  const date = useManifest((state) => state.date);
  const view = useManifest((state) => state.view);
  const printed = useManifest((state) => state.printed);
  const fail = useCallback((error: unknown) => useFeedback.getState().signal('bad', (tr) => errorText(tr, error)), []);
  // Why the last load was refused: the screen says so (and asks again by itself) instead of "loading" forever.
  const [refusal, setRefusal] = useState<unknown>(null);

  // Every floor event of the station moves the outbox depth: while a day is being built, further requests wait for it
  // and the latest of them is built once after, rather than each starting a build of its own.
  const loading = useRef<{ busy: boolean; next: { day: string | null } | null }>({ busy: false, next: null });
  const load = useCallback(
    async (day: string | null): Promise<void> => {
      if (loading.current.busy) {
        loading.current.next = { day };
        return;
      }
      loading.current.busy = true;
      try {
        useManifest.getState().show(await station.call('manifest.day', day ? { date: day } : {}));
        setRefusal(null);
      } catch (error) {
        setRefusal(error);
        fail(error);
      } finally {
        loading.current.busy = false;
      }
      const next = loading.current.next;
      loading.current.next = null;
      if (next) await load(next.day);
    },
    [fail],
  );

  useEffect(() => {
    void load(useManifest.getState().date);
    const timer = setInterval(() => void load(useManifest.getState().date), refreshMs);
    // A parcel scanned out at this station is in its outbox at once: show it without waiting for the next round.
    const offDepth = station.on('outbox.depth', () => void load(useManifest.getState().date));
    const offJob = station.on('print.job', (job) => useManifest.getState().jobMoved(job));
    return () => {
      clearInterval(timer);
      offDepth();
      offJob();
    };
  }, [load]);

  const choose = (day: string) => {
    useManifest.getState().choose(day);
    void load(day);
  };

  const print = (service: ParcelService) => {
    if (!view) return;
    void station
      .call('manifest.print', { date: view.date, service })
      .then((result) => {
        useManifest.getState().printedOne(service, result);
        // Done only when the printer took it; waiting or failed say so, with the reason in the user's language.
        signalPrint(result.job, (tr) => tr('manifest.printQueued', { service: tr(`manifest.services.${service}`), parcels: result.parcelCount }), 'manifest');
      })
      .catch(fail);
  };

  const orderCell = (parcel: Parcel) =>
    parcel.managementNo ? (
      t('manifest.management', { managementNo: parcel.managementNo })
    ) : (
      <>
        {parcel.orderNos.map((orderNo) => (
          <div key={orderNo}>{orderNo}</div>
        ))}
        {parcel.cartNo && parcel.cartNo !== parcel.orderNo ? <div className="hint">{t('manifest.cart', { cartNo: parcel.cartNo })}</div> : null}
      </>
    );

  return (
    <section className="screen" data-testid="manifest" aria-labelledby="manifest-title">
      <h1 id="manifest-title">{t('areas.manifest')}</h1>
      <p className="hint">{t('manifest.hint')}</p>
      {/* The day in the one display format, stepped a day at a time: the browser's own date field writes it in the
          PC's locale (12/07/2026), whatever the screen's language. */}
      <div className="row wrap">
        <span>{t('manifest.date')}</span>
        <button type="button" className="secondary" data-testid="manifest-previous-day" disabled={!date} onClick={() => date && choose(addDays(date, -1))}>
          ‹ {t('manifest.previousDay')}
        </button>
        <strong className="code" data-testid="manifest-date" data-date={date ?? ''}>
          {date ? showDay(date) : ''}
        </strong>
        <button type="button" className="secondary" data-testid="manifest-next-day" disabled={!date} onClick={() => date && choose(addDays(date, 1))}>
          {t('manifest.nextDay')} ›
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="manifest-today"
          onClick={() => {
            useManifest.getState().choose(null);
            void load(null);
          }}
        >
          {t('manifest.today')}
        </button>
      </div>
      {view ? (
        <>
          <p className="result ok" data-testid="manifest-total" data-parcels={view.totals.parcels} data-items={view.totals.items}>
            {t('manifest.total', { date: showDay(view.date), parcels: view.totals.parcels, items: view.totals.items })}
          </p>
          <p className="hint">{t('manifest.shipper', { carrier: view.marketplaceCarrier })}</p>
          {view.sections.map((section) => {
            const result = printed[section.service];
            return (
              <section
                key={section.service}
                className="report"
                data-testid={`manifest-${section.service}`}
                data-parcels={section.parcelCount}
                data-items={section.itemCount}
              >
                <div className="row wrap">
                  <h2>
                    {t(`manifest.carriers.${section.carrier}`)} — {t(`manifest.services.${section.service}`)}
                  </h2>
                  <p className="waiting" data-testid={`manifest-count-${section.service}`}>
                    {t('manifest.counts', { parcels: section.parcelCount, items: section.itemCount })}
                  </p>
                  <button type="button" className="primary" data-testid={`manifest-print-${section.service}`} onClick={() => print(section.service)}>
                    {t('manifest.print')}
                  </button>
                </div>
                {result ? (
                  <>
                    <PrintJobResult
                      job={result.job}
                      fallback="manifest"
                      testId={`manifest-job-${section.service}`}
                      onRetried={(job) => useManifest.getState().printedOne(section.service, { ...result, job })}
                    />
                    <p className="hint" data-testid={`manifest-saved-${section.service}`}>
                      {t('manifest.saved', { path: result.path })}
                    </p>
                  </>
                ) : null}
                {section.parcels.length === 0 ? (
                  <p className="hint">{t('manifest.none')}</p>
                ) : (
                  <table className="scan-table" data-testid={`manifest-parcels-${section.service}`}>
                    <thead>
                      <tr>
                        <th>{t('manifest.columns.no')}</th>
                        <th>{t('manifest.columns.tracking')}</th>
                        <th>{t('manifest.columns.order')}</th>
                        <th>{t('manifest.columns.seller')}</th>
                        <th>{t('manifest.columns.recipient')}</th>
                        <th>{t('manifest.columns.timeSlot')}</th>
                        <th>{t('manifest.columns.items')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {section.parcels.map((parcel, index) => (
                        <tr key={parcel.trackingNo} data-testid={`manifest-parcel-${parcel.trackingNo}`}>
                          <td>{index + 1}</td>
                          <td className="code">
                            {readable(parcel.trackingNo)}
                            {parcel.atHub ? null : <span className="badge warn">{t('manifest.notAtHub')}</span>}
                          </td>
                          <td className="code">{orderCell(parcel)}</td>
                          <td>{parcel.sellerName ?? parcel.sellerId}</td>
                          <td>
                            {t('manifest.recipient', { name: parcel.recipientName })}
                            {parcel.prefecture ? <div className="hint">{parcel.prefecture}</div> : null}
                          </td>
                          <td>{parcel.timeSlot ? t(`manifest.timeSlots.${parcel.timeSlot}`, { defaultValue: parcel.timeSlot }) : ''}</td>
                          <td>{parcel.itemCount}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </>
      ) : refusal ? (
        <LoadState load={{ data: null, loading: false, error: refusal, reload: () => void load(useManifest.getState().date) }} testId="manifest-load" />
      ) : (
        <p className="waiting">{t('manifest.loading')}</p>
      )}
    </section>
  );
}

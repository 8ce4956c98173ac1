import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/domain/display-time';
import { parcelServices } from '../../../shared/domain/parcel-services';
import type { DailyCountFigure } from '../../../shared/hub/routes/daily-counts';
import ja from '../../i18n/locales/ja.json';
import { isKeyOf } from '../../i18n/word-keys';
import { bundleStateText } from '../receiving/bundle-state-text';

/**
 * Words for the codes the hub's figures carry (reasons, states, services, discrepancy kinds): each in the user's
 * language; a code the words do not know yet (a newer hub's) is shown as the hub sent it.
 */
export function reasonText(t: TFunction, reason: string): string {
  return isKeyOf(ja.dailyCounts.reasons, reason) ? t(`dailyCounts.reasons.${reason}`) : reason;
}

export function orderStateText(t: TFunction, state: string): string {
  return isKeyOf(ja.dailyCounts.orderStates, state) ? t(`dailyCounts.orderStates.${state}`) : state;
}

export function serviceText(t: TFunction, service: string): string {
  return (parcelServices as readonly string[]).includes(service) && isKeyOf(ja.manifest.services, service) ? t(`manifest.services.${service}`) : service;
}

/** Time left to a cut-off, or that it passed: `now` is when the figures were taken (they may be kept ones). */
export function timeLeftText(t: TFunction, cutoff: string, now: Date): string {
  const left = Date.parse(cutoff) - now.getTime();
  if (left <= 0) return t('dailyCounts.overdue');
  const minutes = Math.floor(left / 60_000);
  return t('dailyCounts.timeLeft', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * A drill-down row's detail in words. The hub sends a code or short text per figure (shared/hub/routes/daily-counts.ts
 * and the hub's lists): a bundle's state, a hold or waiting reason, `<kind> <code>` for a discrepancy, a bundle's
 * deadline, an order's state, or the service and tracking number of a shipped order.
 */
export function detailText(t: TFunction, figure: DailyCountFigure, detail: string | null, language: string): string {
  if (detail === null) return '';
  switch (figure) {
    case 'bundlesArrived':
    case 'bundlesCompleted':
      return bundleStateText(t, detail);
    case 'bundlesHeld':
    case 'bundlesRejected':
    case 'waiting':
      return reasonText(t, detail);
    case 'discrepancies': {
      const [kind, ...code] = detail.split(' ');
      const words = isKeyOf(ja.dailyCounts.discrepancyKinds, kind) ? t(`dailyCounts.discrepancyKinds.${kind}`) : (kind ?? '');
      return [words, ...code].join(' ');
    }
    case 'lateBundles':
    case 'dueToday':
      return Number.isNaN(Date.parse(detail)) ? detail : t('dailyCounts.deadline', { time: formatDateTime(detail, language) });
    case 'ordersShipped': {
      const [service, ...tracking] = detail.split(' ');
      return [serviceText(t, service ?? ''), ...tracking].join(' ');
    }
    case 'ordersPaid':
    case 'ordersAllocated':
    case 'ordersPicked':
    case 'ordersPacked':
    case 'dueNotShipped':
      return orderStateText(t, detail);
    default:
      return detail;
  }
}

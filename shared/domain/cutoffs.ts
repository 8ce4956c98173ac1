import { dateToDayNumber, dayNumberToDate, toDate, tokyoDayNumber, tokyoTimeOfDayMs, type Instant, type TokyoDate } from './tokyo-time';

/**
 * Which Tokyo day an order is due to ship. Qoo10 orders paid before 16:00 JST are picked and packed that day;
 * other-platform shipments registered before 13:00 ship that day; later ones the next day. A scheduled ship date
 * (发货预订日) later than that wins. Days are calendar days: the manual names no holidays, and the warehouse
 * ships every day it is open, which is the hub's calendar to know, not this rule's.
 */
export const cutoffs = {
  qoo10: { hour: 16, minute: 0 },
  otherPlatform: { hour: 13, minute: 0 },
} as const;

/** A Qoo10 order (by its payment time) or an other-platform shipment (by its registration time). */
export type CutoffOrder =
  { paidAt: Instant; desiredShipDate?: TokyoDate | null | undefined } | { registeredAt: Instant; desiredShipDate?: TokyoDate | null | undefined };

const hourMs = 60 * 60 * 1000;

function cutoffMs(cutoff: { hour: number; minute: number }): number {
  return cutoff.hour * hourMs + cutoff.minute * 60 * 1000;
}

/** As dueShipDay, as a day number (days since 1970-01-01 in Tokyo), for planners that sort many orders. */
export function dueShipDayNumber(order: CutoffOrder): number {
  const [instant, cutoff] = 'paidAt' in order ? [order.paidAt, cutoffs.qoo10] : [order.registeredAt, cutoffs.otherPlatform];
  const at = toDate(instant); // parse once: planners call this for every open order
  // Exactly at the cut-off is too late: "by 16:00" means the clock has not yet shown 16:00.
  const byCutoff = tokyoDayNumber(at) + (tokyoTimeOfDayMs(at) < cutoffMs(cutoff) ? 0 : 1);
  const scheduled = order.desiredShipDate ? dateToDayNumber(order.desiredShipDate) : byCutoff;
  return Math.max(byCutoff, scheduled);
}

/** The day the order is due to ship by the rules, which for an order left behind may be in the past. */
export function dueShipDay(order: CutoffOrder): TokyoDate {
  return dayNumberToDate(dueShipDayNumber(order));
}

/**
 * The day the order will ship: its due day, or with `now`, no earlier than today, since an order that missed its
 * day still ships on the next day the warehouse works, not in the past.
 */
export function shipDay(order: CutoffOrder, now?: Instant): TokyoDate {
  const due = dueShipDayNumber(order);
  return dayNumberToDate(now === undefined ? due : Math.max(due, tokyoDayNumber(now)));
}

/** Whether today's picking includes the order: due today, or overdue and still unshipped. */
export function isDueToday(order: CutoffOrder, now: Instant): boolean {
  return dueShipDayNumber(order) <= tokyoDayNumber(now);
}

/** Whether the order has missed its ship day, for the supervisor's late list. */
export function isOverdue(order: CutoffOrder, now: Instant): boolean {
  return dueShipDayNumber(order) < tokyoDayNumber(now);
}

import { addDays, startOfTokyoDay, toDate, tokyoDate, type Instant } from './tokyo-time';

/**
 * The QWMS agreement (§4): from arrival at the warehouse to inspection completed and stock posted takes at most
 * 3 days, the arrival day itself not counted. Days are Tokyo calendar days, not 72 hours: a bundle that arrives at
 * 23:59 has the same deadline as one that arrived at 00:00 that day.
 */
export const inspectionDaysAllowed = 3;

/** The last instant at which completing inspection is still on time: 23:59:59.999 JST on the 3rd day after arrival. */
export function inspectionDeadline(arrivedAt: Instant): Date {
  const firstLateDay = addDays(tokyoDate(arrivedAt), inspectionDaysAllowed + 1);
  return new Date(startOfTokyoDay(firstLateDay).getTime() - 1);
}

/** True when inspection finished (or, still open, has not finished by `completedAtOrNow`) after the deadline. */
export function isInspectionLate(arrivedAt: Instant, completedAtOrNow: Instant): boolean {
  return toDate(completedAtOrNow).getTime() > inspectionDeadline(arrivedAt).getTime();
}

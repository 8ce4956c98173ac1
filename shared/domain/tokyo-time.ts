import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * Warehouse time is Japan Standard Time: UTC+9 all year (Japan has had no daylight saving since 1951), so a fixed
 * shift is exact and we need neither Intl time-zone data (absent in some runtimes) nor the host's zone.
 *
 * Calendar days are 'YYYY-MM-DD' strings (they sort and compare as text) or, where speed matters, day numbers:
 * whole days since 1970-01-01 in Tokyo.
 */
export const tokyoOffsetMs = 9 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** A Tokyo calendar date, 'YYYY-MM-DD', checked against the real calendar (no 2月30日). */
export const tokyoDateSchema = z.iso.date({ error: reasonCode('invalid-date') });
export type TokyoDate = z.infer<typeof tokyoDateSchema>;

/** A calendar month, 'YYYY-MM'. */
export const tokyoMonthSchema = z.string({ error: reasonCode('invalid-month') }).regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export type TokyoMonth = z.infer<typeof tokyoMonthSchema>;

/** Timestamps arrive from JSON as ISO strings and from code as Dates; both mean one instant. */
export type Instant = Date | string;

export function toDate(instant: Instant): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // A bad timestamp is a programming error upstream (schemas validate input); failing loudly beats a silent NaN day.
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid-instant');
  return date;
}

export function tokyoDayNumber(instant: Instant): number {
  return Math.floor((toDate(instant).getTime() + tokyoOffsetMs) / dayMs);
}

/** Milliseconds since Tokyo midnight of the instant's day. */
export function tokyoTimeOfDayMs(instant: Instant): number {
  const shifted = toDate(instant).getTime() + tokyoOffsetMs;
  return shifted - Math.floor(shifted / dayMs) * dayMs;
}

export function dayNumberToDate(dayNumber: number): TokyoDate {
  const utc = new Date(dayNumber * dayMs);
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`;
}

export function dateToDayNumber(date: TokyoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const dayNumber = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs : Number.NaN;
  // Date.UTC rolls 2023-02-29 over to 03-01; formatting back exposes that without a schema call per order.
  if (!Number.isInteger(dayNumber) || dayNumberToDate(dayNumber) !== date) throw new RangeError('invalid-date');
  return dayNumber;
}

export function tokyoDate(instant: Instant): TokyoDate {
  return dayNumberToDate(tokyoDayNumber(instant));
}

export function tokyoMonth(instant: Instant): TokyoMonth {
  return tokyoDate(instant).slice(0, 7);
}

export function addDays(date: TokyoDate, days: number): TokyoDate {
  return dayNumberToDate(dateToDayNumber(date) + days);
}

/** The instant Tokyo's day `date` begins (its 00:00:00.000 JST). */
export function startOfTokyoDay(date: TokyoDate): Date {
  return new Date(dateToDayNumber(date) * dayMs - tokyoOffsetMs);
}

/** The instant of a Tokyo wall-clock time, for tests and fixtures: tokyoInstant('2024-11-05', 15, 59). */
export function tokyoInstant(date: TokyoDate, hours = 0, minutes = 0, seconds = 0, ms = 0): Date {
  return new Date(startOfTokyoDay(date).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'YYYY-MM' plus whole months; used for billing periods, which run by calendar month. */
export function addMonths(month: TokyoMonth, months: number): TokyoMonth {
  const [year, monthOfYear] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthOfYear - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

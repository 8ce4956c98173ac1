import { tokyoOffsetMs, toDate, type Instant } from './tokyo-time';

/**
 * The one way a time or date is shown to a person, on screens and on paper: always Japan time (the warehouse's
 * clock, whatever zone the station PC is set to), 24-hour, in the convention of the reader's language. Pure
 * arithmetic on the fixed UTC+9 shift, so neither the host's zone nor Intl time-zone data can change what is shown.
 *
 *   ja     2026/12/07 09:21      en  2026-12-07 09:21
 *   zh-CN  2026/12/07 09:21      ko  2026. 12. 07. 09:21
 */
export const displayLanguages = ['ja', 'en', 'zh-CN', 'ko'] as const;
export type DisplayLanguage = (typeof displayLanguages)[number];

interface Parts {
  year: string;
  month: string;
  day: string;
}

const dateStyles: Readonly<Record<DisplayLanguage, (parts: Parts) => string>> = {
  ja: ({ year, month, day }) => `${year}/${month}/${day}`,
  en: ({ year, month, day }) => `${year}-${month}-${day}`,
  'zh-CN': ({ year, month, day }) => `${year}/${month}/${day}`,
  ko: ({ year, month, day }) => `${year}. ${month}. ${day}.`,
};

/** An unknown language code (a new locale, 'en-US' from a browser) reads as its base language, else Japanese. */
function styleOf(language: string): DisplayLanguage {
  if ((displayLanguages as readonly string[]).includes(language)) return language as DisplayLanguage;
  const base = language.split('-')[0];
  if (base === 'zh') return 'zh-CN';
  return (displayLanguages as readonly string[]).includes(base ?? '') ? (base as DisplayLanguage) : 'ja';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The instant's Tokyo wall clock, read from a Date shifted by +9 h (its UTC fields are Tokyo's). */
function tokyoFields(instant: Instant): { parts: Parts; hours: string; minutes: string; seconds: string } {
  const shifted = new Date(toDate(instant).getTime() + tokyoOffsetMs);
  return {
    parts: { year: pad(shifted.getUTCFullYear(), 4), month: pad(shifted.getUTCMonth() + 1), day: pad(shifted.getUTCDate()) },
    hours: pad(shifted.getUTCHours()),
    minutes: pad(shifted.getUTCMinutes()),
    seconds: pad(shifted.getUTCSeconds()),
  };
}

/** A calendar day ('YYYY-MM-DD', already a Tokyo day) in the reader's convention. Anything else is shown as given. */
export function formatDay(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dateStyles[styleOf(language)]({ year: match[1]!, month: match[2]!, day: match[3]! });
}

/** An instant's Tokyo day and time to the minute: `2026/12/07 09:21`. */
export function formatDateTime(instant: Instant, language: string): string {
  const { parts, hours, minutes } = tokyoFields(instant);
  return `${dateStyles[styleOf(language)](parts)} ${hours}:${minutes}`;
}

/** An instant's Tokyo time of day, to the second where scans follow each other quickly: `09:21:43`. */
export function formatTime(instant: Instant, options: { seconds?: boolean } = {}): string {
  const { hours, minutes, seconds } = tokyoFields(instant);
  return options.seconds ? `${hours}:${minutes}:${seconds}` : `${hours}:${minutes}`;
}

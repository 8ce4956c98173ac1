import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay, formatTime } from '../../shared/domain/display-time';
import type { Instant } from '../../shared/domain/tokyo-time';

/**
 * Times and days on screen, always Japan time in the current language's convention (shared/domain/display-time):
 * never the browser's own toLocale* (the station PC's zone and locale are not the warehouse's).
 */
export function useDisplayTime() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    dateTime: (instant: Instant) => formatDateTime(instant, language),
    day: (date: string) => formatDay(date, language),
    time: (instant: Instant, options?: { seconds?: boolean }) => formatTime(instant, options),
  };
}

import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from '../../../shared/domain/display-time';

// 2026-12-07 00:21:43 UTC is 09:21:43 in Tokyo; 15:20 UTC is already the next Tokyo day.
const morning = '2026-12-07T00:21:43Z';
const lateUtc = new Date('2026-12-07T15:20:00Z');

describe('one display format: Japan time in the reader language convention', () => {
  it('shows the Tokyo wall clock whatever the instant’s zone, in each language’s convention', () => {
    expect(formatDateTime(morning, 'ja')).toBe('2026/12/07 09:21');
    expect(formatDateTime(morning, 'en')).toBe('2026-12-07 09:21');
    expect(formatDateTime(morning, 'zh-CN')).toBe('2026/12/07 09:21');
    expect(formatDateTime(morning, 'ko')).toBe('2026. 12. 07. 09:21');
    expect(formatDateTime('2026-12-07T09:21:43+09:00', 'ja')).toBe('2026/12/07 09:21');
  });

  it('rolls over to the next day at 15:00 UTC (Tokyo midnight)', () => {
    expect(formatDateTime(lateUtc, 'en')).toBe('2026-12-08 00:20');
    expect(formatDateTime(new Date('2026-12-31T15:00:00Z'), 'ja')).toBe('2027/01/01 00:00');
  });

  it('is 24-hour, to the minute or the second, with no AM/PM and no zone suffix', () => {
    expect(formatTime(lateUtc)).toBe('00:20');
    expect(formatTime(morning, { seconds: true })).toBe('09:21:43');
    expect(formatTime('2026-12-07T05:05:05Z', { seconds: true })).toBe('14:05:05');
  });

  it('formats a Tokyo calendar day the same way, and leaves anything else as given', () => {
    expect(formatDay('2026-12-07', 'ja')).toBe('2026/12/07');
    expect(formatDay('2026-12-07', 'en')).toBe('2026-12-07');
    expect(formatDay('2026-12-07', 'ko')).toBe('2026. 12. 07.');
    expect(formatDay('not a day', 'ja')).toBe('not a day');
  });

  it('reads a browser-style language code by its base language, and an unknown one as Japanese', () => {
    expect(formatDay('2026-12-07', 'en-US')).toBe('2026-12-07');
    expect(formatDay('2026-12-07', 'zh-TW')).toBe('2026/12/07');
    expect(formatDay('2026-12-07', 'fr')).toBe('2026/12/07');
  });

  it('refuses an invalid instant instead of printing NaN', () => {
    expect(() => formatDateTime('yesterday', 'ja')).toThrow(RangeError);
  });
});

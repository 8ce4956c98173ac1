import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateToDayNumber,
  dayNumberToDate,
  startOfTokyoDay,
  tokyoDate,
  tokyoDateSchema,
  tokyoInstant,
  tokyoMonth,
  tokyoTimeOfDayMs,
} from '../../../shared/domain/tokyo-time';

describe('Tokyo calendar (UTC+9, no DST)', () => {
  it('changes date at 15:00 UTC, which is midnight in Tokyo', () => {
    expect(tokyoDate(new Date('2024-11-05T14:59:59.999Z'))).toBe('2024-11-05');
    expect(tokyoDate(new Date('2024-11-05T15:00:00.000Z'))).toBe('2024-11-06');
    expect(tokyoDate('2024-11-06T00:00:00+09:00')).toBe('2024-11-06');
  });

  it('gives the same answer whatever the host time zone is', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo', 'UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(tokyoDate(new Date('2024-03-10T15:30:00Z'))).toBe('2024-03-11');
        expect(startOfTokyoDay('2024-03-11').toISOString()).toBe('2024-03-10T15:00:00.000Z');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('starts a Tokyo day at 15:00 UTC the day before, and builds wall-clock instants from it', () => {
    expect(startOfTokyoDay('2025-01-01').toISOString()).toBe('2024-12-31T15:00:00.000Z');
    expect(tokyoInstant('2024-11-05', 15, 59).toISOString()).toBe('2024-11-05T06:59:00.000Z');
    expect(tokyoTimeOfDayMs(tokyoInstant('2024-11-05', 15, 59))).toBe((15 * 60 + 59) * 60_000);
  });

  it('adds days across month ends, leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('adds months across year ends in both directions', () => {
    expect(addMonths('2024-11', 2)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 0)).toBe('2024-12');
    expect(tokyoMonth(new Date('2024-11-30T15:00:00Z'))).toBe('2024-12');
  });

  it('refuses dates that are not on the calendar', () => {
    expect(() => dateToDayNumber('2023-02-29')).toThrow('invalid-date');
    expect(() => dateToDayNumber('2024-1-05')).toThrow('invalid-date');
    expect(tokyoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(tokyoDateSchema.safeParse('2024-02-30').error?.issues[0]?.message).toBe('invalid-date');
  });

  it('round-trips day numbers and dates, and day numbers agree with Date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (dayNumber) => {
        const date = dayNumberToDate(dayNumber);
        expect(dateToDayNumber(date)).toBe(dayNumber);
        expect(tokyoDateSchema.safeParse(date).success).toBe(true);
        expect(tokyoDate(startOfTokyoDay(date))).toBe(date);
        expect(tokyoDate(new Date(startOfTokyoDay(date).getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});

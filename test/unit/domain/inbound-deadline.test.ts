import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectionDeadline, isInspectionLate } from '../../../shared/domain/inbound-deadline';
import { tokyoTimeOfDayMs } from '../../../shared/domain/tokyo-time';

const dayMs = 86_400_000;

describe('inspection deadline (3 Tokyo days, arrival day not counted)', () => {
  it('arrival at 23:59 JST on 5 Nov: deadline is the end of 8 Nov JST', () => {
    const deadline = inspectionDeadline(new Date('2024-11-05T23:59:00+09:00'));
    expect(deadline.toISOString()).toBe('2024-11-08T14:59:59.999Z'); // 23:59:59.999 JST on 8 Nov
  });

  it('arrival at 00:00 JST on 6 Nov (still 5 Nov in UTC): deadline is the end of 9 Nov JST', () => {
    const deadline = inspectionDeadline(new Date('2024-11-05T15:00:00Z'));
    expect(deadline.toISOString()).toBe('2024-11-09T14:59:59.999Z');
  });

  it('one minute apart across Tokyo midnight means a whole day more', () => {
    const before = inspectionDeadline(new Date('2024-11-05T23:59:00+09:00')).getTime();
    const after = inspectionDeadline(new Date('2024-11-06T00:00:00+09:00')).getTime();
    expect(after - before).toBe(dayMs);
  });

  it('completing exactly at the deadline is on time; one millisecond later is late', () => {
    const arrivedAt = new Date('2024-11-05T10:00:00+09:00');
    const deadline = inspectionDeadline(arrivedAt);
    expect(isInspectionLate(arrivedAt, deadline)).toBe(false);
    expect(isInspectionLate(arrivedAt, new Date(deadline.getTime() + 1))).toBe(true);
    expect(isInspectionLate(arrivedAt, '2024-11-09T00:00:00+09:00')).toBe(true);
    expect(isInspectionLate(arrivedAt, '2024-11-08T23:59:59+09:00')).toBe(false);
  });

  it('counts across month and year ends and leap days', () => {
    expect(inspectionDeadline(new Date('2024-12-30T09:00:00+09:00')).toISOString()).toBe('2025-01-02T14:59:59.999Z');
    expect(inspectionDeadline(new Date('2024-02-27T09:00:00+09:00')).toISOString()).toBe('2024-03-01T14:59:59.999Z');
    expect(inspectionDeadline(new Date('2023-02-27T09:00:00+09:00')).toISOString()).toBe('2023-03-02T14:59:59.999Z');
  });

  it('for any arrival, the deadline is 3 to 4 days later and the next instant is Tokyo midnight', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (arrivedAt) => {
        const deadline = inspectionDeadline(arrivedAt);
        const gap = deadline.getTime() - arrivedAt.getTime();
        expect(gap).toBeGreaterThanOrEqual(3 * dayMs);
        expect(gap).toBeLessThan(4 * dayMs);
        expect(tokyoTimeOfDayMs(new Date(deadline.getTime() + 1))).toBe(0);
        expect(isInspectionLate(arrivedAt, arrivedAt)).toBe(false);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueShipDay, isDueToday, isOverdue, shipDay } from '../../../shared/domain/cutoffs';

describe('Qoo10 cut-off 16:00 JST', () => {
  it('paid at 15:59 JST ships that day; at 16:00 JST exactly, the next day', () => {
    expect(shipDay({ paidAt: '2024-11-05T15:59:00+09:00' })).toBe('2024-11-05');
    expect(shipDay({ paidAt: '2024-11-05T15:59:59.999+09:00' })).toBe('2024-11-05');
    expect(shipDay({ paidAt: '2024-11-05T16:00:00+09:00' })).toBe('2024-11-06');
  });

  it('reads the instant, not the written zone: 06:59Z is 15:59 JST', () => {
    expect(shipDay({ paidAt: new Date('2024-11-05T06:59:00Z') })).toBe('2024-11-05');
    expect(shipDay({ paidAt: new Date('2024-11-05T07:00:00Z') })).toBe('2024-11-06');
  });

  it('paid just after Tokyo midnight ships that day, even though it is still the day before in UTC', () => {
    expect(shipDay({ paidAt: '2024-11-05T15:00:00Z' })).toBe('2024-11-06');
  });

  it('paid after 16:00 on 31 December ships on 1 January', () => {
    expect(shipDay({ paidAt: '2024-12-31T18:00:00+09:00' })).toBe('2025-01-01');
  });
});

describe('other-platform cut-off 13:00 JST', () => {
  it('registered at 12:59 JST ships that day; at 13:00 JST exactly, the next day', () => {
    expect(shipDay({ registeredAt: '2024-11-05T12:59:00+09:00' })).toBe('2024-11-05');
    expect(shipDay({ registeredAt: '2024-11-05T13:00:00+09:00' })).toBe('2024-11-06');
  });

  it('14:00 is before the Qoo10 cut-off but after this one', () => {
    expect(shipDay({ paidAt: '2024-11-05T14:00:00+09:00' })).toBe('2024-11-05');
    expect(shipDay({ registeredAt: '2024-11-05T14:00:00+09:00' })).toBe('2024-11-06');
  });
});

describe('scheduled ship date (发货预订日)', () => {
  it('wins when later than the cut-off day', () => {
    expect(shipDay({ paidAt: '2024-11-05T10:00:00+09:00', desiredShipDate: '2024-11-10' })).toBe('2024-11-10');
  });

  it('is ignored when earlier than or equal to the cut-off day', () => {
    expect(shipDay({ paidAt: '2024-11-05T17:00:00+09:00', desiredShipDate: '2024-11-05' })).toBe('2024-11-06');
    expect(shipDay({ paidAt: '2024-11-05T10:00:00+09:00', desiredShipDate: '2024-11-01' })).toBe('2024-11-05');
    expect(shipDay({ paidAt: '2024-11-05T10:00:00+09:00', desiredShipDate: null })).toBe('2024-11-05');
  });

  it('applies to other-platform shipments too', () => {
    expect(shipDay({ registeredAt: '2024-11-05T10:00:00+09:00', desiredShipDate: '2024-11-07' })).toBe('2024-11-07');
  });
});

describe('due today', () => {
  const order = { paidAt: '2024-11-05T17:00:00+09:00' }; // due 6 Nov

  it('is not due the day it was paid after the cut-off, is due the next day, and stays due while overdue', () => {
    expect(isDueToday(order, '2024-11-05T20:00:00+09:00')).toBe(false);
    expect(isDueToday(order, '2024-11-06T00:00:00+09:00')).toBe(true);
    expect(isDueToday(order, '2024-11-08T09:00:00+09:00')).toBe(true);
  });

  it('is overdue only from the day after its due day', () => {
    expect(isOverdue(order, '2024-11-06T23:59:59+09:00')).toBe(false);
    expect(isOverdue(order, '2024-11-07T00:00:00+09:00')).toBe(true);
  });

  it('with now, an overdue order ships today, not in the past; a future one keeps its day', () => {
    expect(dueShipDay(order)).toBe('2024-11-06');
    expect(shipDay(order, '2024-11-08T09:00:00+09:00')).toBe('2024-11-08');
    expect(shipDay(order, '2024-11-05T20:00:00+09:00')).toBe('2024-11-06');
  });

  it('for any payment time, the ship day is the payment day or the next, split exactly at 16:00 JST', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), (minuteOfDay) => {
        const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
        const mm = String(minuteOfDay % 60).padStart(2, '0');
        const day = shipDay({ paidAt: `2024-11-05T${hh}:${mm}:00+09:00` });
        expect(day).toBe(minuteOfDay < 16 * 60 ? '2024-11-05' : '2024-11-06');
      }),
    );
  });
});

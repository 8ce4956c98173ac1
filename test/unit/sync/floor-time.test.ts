import { describe, expect, it } from 'vitest';
import { floorTimeOf, maxFloorTimeAgeMs } from '../../../server/sync/floor-time';

const arrival = new Date('2026-12-06T15:25:24.000Z');

describe('the floor time the hub records for an event', () => {
  it('is the station’s stated time when it is before the arrival, however late the push', () => {
    expect(floorTimeOf('2026-12-06T14:59:30.000Z', arrival)).toEqual({ at: new Date('2026-12-06T14:59:30.000Z'), adjusted: null });
    const weekOld = new Date(arrival.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString();
    expect(floorTimeOf(weekOld, arrival)).toEqual({ at: new Date(weekOld), adjusted: null });
    expect(floorTimeOf(arrival.toISOString(), arrival)).toEqual({ at: arrival, adjusted: null });
  });

  it('is the arrival when the stated time is after it, older than any outbox waits, or unreadable', () => {
    expect(floorTimeOf('2026-12-06T15:25:24.001Z', arrival)).toEqual({ at: arrival, adjusted: 'after-arrival' });
    expect(floorTimeOf(new Date(arrival.getTime() - maxFloorTimeAgeMs - 1).toISOString(), arrival)).toEqual({ at: arrival, adjusted: 'too-old' });
    expect(floorTimeOf(new Date(arrival.getTime() - maxFloorTimeAgeMs).toISOString(), arrival).adjusted).toBeNull();
    expect(floorTimeOf('1970-01-01T00:00:00.000Z', arrival)).toEqual({ at: arrival, adjusted: 'too-old' });
    expect(floorTimeOf('not a time', arrival)).toEqual({ at: arrival, adjusted: 'unreadable' });
  });
});

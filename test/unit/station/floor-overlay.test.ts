import { describe, expect, it } from 'vitest';
import { emptyFloor, layEvents, overlayBundle, overlayOrder, type OverlayEvent } from '../../../electron/station/overlay/floor-overlay';

const at = (n: number) => `2026-12-07T0${n}:00:00.000Z`;
const event = (kind: string, payload: unknown, n = 1, userId: string | null = 'u-1'): OverlayEvent => ({ kind, payload, occurredAt: at(n), userId });
const allocated = { id: 'o-1', state: 'allocated', trackingNo: null };

describe('the floor overlay, one rule per event kind', () => {
  it('moves an order through pick, pack, void, pack again and scan out, as the hub does', () => {
    const events = [
      event('order.picked', { orderId: 'o-1', sku: '300000000001-00001', quantity: 1 }),
      event('order.packed', { orderId: 'o-1', service: 'sagawa', timeSlot: '14-16', trackingNumber: '300000000016' }),
      event('label.voided', { orderId: 'o-1', trackingNumber: '300000000016', reason: '汚損' }),
      event('order.packed', { orderId: 'o-1', service: 'yamato', timeSlot: null, trackingNumber: '300000000020' }),
      event('order.shipped', { orderId: 'o-1', trackingNumber: '300000000020' }, 5),
    ];
    expect(overlayOrder(allocated, events.slice(0, 2))).toEqual({
      state: 'packed',
      trackingNo: '300000000016',
      service: 'sagawa',
      labelTimeSlot: '14-16',
      shippedAt: null,
    });
    expect(overlayOrder(allocated, events.slice(0, 3))).toEqual({ state: 'picked', trackingNo: null, service: null, labelTimeSlot: null, shippedAt: null });
    expect(overlayOrder(allocated, events)).toEqual({
      state: 'in_transit',
      trackingNo: '300000000020',
      service: 'yamato',
      labelTimeSlot: null,
      shippedAt: '2026-12-07T05:00:00.000Z',
    });
  });

  it('changes nothing for a step the hub would refuse, or one the cache already shows', () => {
    const packed = { id: 'o-1', state: 'packed', trackingNo: '300000000020', service: 'yamato', labelTimeSlot: null };
    // The cache caught up with the pick and the pack: laying them again leaves the order packed with its label.
    const again = [
      event('order.picked', { orderId: 'o-1', sku: '300000000001-00001', quantity: 1 }),
      event('order.packed', { orderId: 'o-1', service: 'sagawa', timeSlot: null, trackingNumber: '300000000016' }),
    ];
    expect(overlayOrder(packed, again)).toMatchObject({ state: 'packed', trackingNo: '300000000020', service: 'yamato' });
    // Another label's number scanned out or voided: refused at the hub, nothing here.
    expect(overlayOrder(packed, [event('order.shipped', { orderId: 'o-1', trackingNumber: '300000000016' })]).state).toBe('packed');
    expect(overlayOrder(packed, [event('label.voided', { orderId: 'o-1', trackingNumber: '300000000016', reason: 'x' })]).state).toBe('packed');
    // In transit is done.
    expect(
      overlayOrder({ ...packed, state: 'in_transit' }, [event('label.voided', { orderId: 'o-1', trackingNumber: '300000000020', reason: 'x' })]).state,
    ).toBe('in_transit');
  });

  it('spends every tracking number put on a label, a refused pack and a voided label included', () => {
    const floor = emptyFloor();
    floor.orders.set('o-1', { state: 'allocated', trackingNo: null, service: null, labelTimeSlot: null, shippedAt: null });
    layEvents(floor, [
      event('order.packed', { orderId: 'o-1', service: 'yamato', timeSlot: null, trackingNumber: '300000000016' }),
      event('label.voided', { orderId: 'o-1', trackingNumber: '300000000016', reason: '汚損' }),
      // An order this screen was not given, or one the hub will refuse: the label was printed all the same.
      event('order.packed', { orderId: 'o-9', service: 'yamato', timeSlot: null, trackingNumber: '300000000020' }),
    ]);
    expect([...floor.labelNumbers].sort()).toEqual(['300000000016', '300000000020']);
    expect(floor.orders.get('o-1')?.state).toBe('picked');
  });

  it('skips an event of an unknown kind or with a payload that does not read, and entities it was not given', () => {
    const floor = emptyFloor();
    floor.orders.set('o-1', { state: 'allocated', trackingNo: null, service: null, labelTimeSlot: null, shippedAt: null });
    layEvents(floor, [
      event('order.teleported', { orderId: 'o-1' }),
      event('order.picked', { orderId: 'o-1', sku: 'not a sku', quantity: 1 }),
      event('order.picked', { orderId: 'o-2', sku: '300000000001-00001', quantity: 1 }),
      event('sku.located', { sku: '300000000001-00001', bin: 'A-01-01-01' }),
      event('sku.located', { sku: '300000000001-00001', bin: 'B-02-01-01' }),
    ]);
    expect(floor.orders.get('o-1')?.state).toBe('allocated');
    expect(floor.orders.has('o-2')).toBe(false);
    expect([...floor.bins]).toEqual([['300000000001-00001', 'B-02-01-01']]);
  });

  it('counts a bundle’s lines, its finds and its undo stack, and arrives a shipped bundle', () => {
    const bundle = overlayBundle({ id: 'IB00000001', state: 'shipped', boxesReceived: 0 }, [
      event('bundle.arrived', { bundleId: 'IB00000001', boxesReceived: 2 }, 1, 'u-dock'),
      event('inspection.counted', { bundleId: 'IB00000001', lineId: 'L1', quantity: 1, source: 'scan' }, 2, 'u-1'),
      event('inspection.counted', { bundleId: 'IB00000001', lineId: 'L1', quantity: 4, source: 'key' }, 3, 'u-2'),
      event('inspection.found', { bundleId: 'IB00000001', code: 'X-1', kind: 'unknown-item', quantity: 1, note: null }, 4, 'u-1'),
      event('inspection.found', { bundleId: 'IB00000001', code: 'X-1', kind: 'unknown-item', quantity: -1, note: 'undo' }, 5, 'u-1'),
      event('inspection.counted', { bundleId: 'IB00000001', lineId: 'L1', quantity: -4, source: 'undo' }, 6, 'u-1'),
      // Below zero: the hub refuses it.
      event('inspection.counted', { bundleId: 'IB00000001', lineId: 'L2', quantity: -1, source: 'key' }, 7, 'u-1'),
    ]);
    expect(bundle).toEqual({
      state: 'arrived',
      boxesReceived: 2,
      counted: new Map([['L1', 1]]),
      findings: [],
      steps: [{ kind: 'count', lineId: 'L1', quantity: 1 }],
      userIds: ['u-1', 'u-2'],
      finished: false,
    });
  });
});

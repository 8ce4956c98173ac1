import { describe, expect, it } from 'vitest';
import { emptyFloor, layEvents, orderFloorOf } from '../../../electron/station/overlay/floor-overlay';
import { unitsOffShelf } from '../../../electron/station/overlay/stock-rules';

const towel = '300001289771-00001';
const mug = '300001289772-00002';
const at = '2026-12-07T01:00:00.000Z';
const counted = (sku: string, book: number, count: number) => ({
  kind: 'stock.counted',
  payload: { sku, bin: null, book, counted: count, reason: 'count-correction', note: null, secondApproverId: null },
  occurredAt: at,
  userId: 'u-supervisor',
});

describe('the overlay’s stock rule', () => {
  it('moves a seeded SKU’s book by found minus the book the counter saw, and a correction by its units', () => {
    const state = emptyFloor();
    state.stock.set(towel, 10);
    layEvents(state, [
      counted(towel, 8, 5), // a pick of 2 was in progress: 3 fewer on the shelf than the book said
      { kind: 'stock.adjusted', payload: { sku: towel, quantity: 2, reason: '棚卸し' }, occurredAt: at, userId: null },
    ]);
    expect(state.stock.get(towel)).toBe(9);
  });

  it('changes nothing for a SKU it was not given, a move below zero, a count without its note or damaged units above the book (the hub refuses them)', () => {
    const state = emptyFloor();
    state.stock.set(towel, 3);
    layEvents(state, [
      counted(mug, 0, 4),
      { kind: 'stock.adjusted', payload: { sku: towel, quantity: -4, reason: '棚卸し' }, occurredAt: at, userId: null },
      { ...counted(towel, 3, 0), payload: { ...counted(towel, 3, 0).payload, reason: 'other', note: null } },
      { ...counted(towel, 3, 5), payload: { ...counted(towel, 3, 5).payload, reason: 'damaged' } },
    ]);
    expect(state.stock.get(towel)).toBe(3);
    expect(state.stock.has(mug)).toBe(false);
  });

  it('counts units off the shelf for orders picked or packed, and shipped here but not yet posted by the hub', () => {
    const floor = (state: string) => orderFloorOf({ state, trackingNo: null });
    expect(
      unitsOffShelf([
        { quantity: 1, cachedState: 'allocated', floor: floor('allocated') },
        { quantity: 2, cachedState: 'allocated', floor: floor('picked') },
        { quantity: 3, cachedState: 'picked', floor: floor('packed') },
        { quantity: 4, cachedState: 'packed', floor: floor('in_transit') },
        { quantity: 5, cachedState: 'in_transit', floor: floor('in_transit') },
      ]),
    ).toBe(9);
  });
});

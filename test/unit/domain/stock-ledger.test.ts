import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMovement, movementKinds, replayMovements, stockMovementSchema, type StockMovement } from '../../../shared/domain/stock-ledger';

describe('applyMovement', () => {
  it('adds inbound and return units and takes away picked and recalled ones', () => {
    expect(applyMovement(0, { kind: 'inbound', quantity: 50 })).toEqual({ ok: true, balance: 50 });
    expect(applyMovement(50, { kind: 'pick', quantity: -3 })).toEqual({ ok: true, balance: 47 });
    expect(applyMovement(47, { kind: 'return', quantity: 1 })).toEqual({ ok: true, balance: 48 });
    expect(applyMovement(48, { kind: 'recall', quantity: -48 })).toEqual({ ok: true, balance: 0 });
  });

  it('lets an adjustment go either way', () => {
    expect(applyMovement(10, { kind: 'adjustment', quantity: -2 })).toEqual({ ok: true, balance: 8 });
    expect(applyMovement(10, { kind: 'adjustment', quantity: 2 })).toEqual({ ok: true, balance: 12 });
  });

  it('refuses a movement against its kind as wrong-sign: a negative inbound, a positive pick', () => {
    expect(applyMovement(10, { kind: 'inbound', quantity: -1 })).toEqual({ ok: false, reason: 'wrong-sign' });
    expect(applyMovement(10, { kind: 'return', quantity: -1 })).toEqual({ ok: false, reason: 'wrong-sign' });
    expect(applyMovement(10, { kind: 'pick', quantity: 1 })).toEqual({ ok: false, reason: 'wrong-sign' });
    expect(applyMovement(10, { kind: 'recall', quantity: 1 })).toEqual({ ok: false, reason: 'wrong-sign' });
  });

  it('refuses taking more than is there as negative-stock, but taking exactly all is fine', () => {
    expect(applyMovement(2, { kind: 'pick', quantity: -3 })).toEqual({ ok: false, reason: 'negative-stock' });
    expect(applyMovement(2, { kind: 'adjustment', quantity: -3 })).toEqual({ ok: false, reason: 'negative-stock' });
    expect(applyMovement(3, { kind: 'pick', quantity: -3 })).toEqual({ ok: true, balance: 0 });
  });

  it('refuses zero-quantity for every kind, and fractions as invalid-quantity', () => {
    for (const kind of movementKinds) expect(applyMovement(5, { kind, quantity: 0 })).toEqual({ ok: false, reason: 'zero-quantity' });
    expect(applyMovement(5, { kind: 'inbound', quantity: 0.5 })).toEqual({ ok: false, reason: 'invalid-quantity' });
  });

  it('keeps damaged stock apart: each kind moves only the conditions it names, with its sign', () => {
    expect(applyMovement(0, { kind: 'inbound', quantity: 2, condition: 'damaged' })).toEqual({ ok: true, balance: 2 });
    expect(applyMovement(5, { kind: 'damage', quantity: -2 })).toEqual({ ok: true, balance: 3 });
    expect(applyMovement(0, { kind: 'damage', quantity: 2, condition: 'damaged' })).toEqual({ ok: true, balance: 2 });
    expect(applyMovement(2, { kind: 'restore', quantity: -2, condition: 'damaged' })).toEqual({ ok: true, balance: 0 });
    expect(applyMovement(2, { kind: 'dispose', quantity: -1, condition: 'damaged' })).toEqual({ ok: true, balance: 1 });
    expect(applyMovement(2, { kind: 'return-to-seller', quantity: -2, condition: 'damaged' })).toEqual({ ok: true, balance: 0 });
    // Damaged units are never picked, and sellable ones are never disposed of as damaged.
    expect(applyMovement(5, { kind: 'pick', quantity: -1, condition: 'damaged' })).toEqual({ ok: false, reason: 'wrong-condition' });
    expect(applyMovement(5, { kind: 'dispose', quantity: -1 })).toEqual({ ok: false, reason: 'wrong-condition' });
    expect(applyMovement(5, { kind: 'damage', quantity: 1 })).toEqual({ ok: false, reason: 'wrong-sign' });
    expect(applyMovement(1, { kind: 'dispose', quantity: -2, condition: 'damaged' })).toEqual({ ok: false, reason: 'negative-stock' });
  });

  it('validates movements with reason codes', () => {
    expect(stockMovementSchema.safeParse({ kind: 'theft', quantity: 1 }).error?.issues[0]?.message).toBe('invalid-movement-kind');
    expect(stockMovementSchema.safeParse({ kind: 'pick', quantity: 1.5 }).error?.issues[0]?.message).toBe('invalid-quantity');
  });
});

describe('ledger properties', () => {
  const movement: fc.Arbitrary<StockMovement> = fc.record({
    kind: fc.constantFrom(...movementKinds),
    quantity: fc.integer({ min: -40, max: 40 }),
  });

  it('for any sequence, applying each (skipping refusals) never goes negative and ends at the sum of accepted quantities', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 200 }), (movements) => {
        let balance = 0;
        let acceptedSum = 0;
        for (const m of movements) {
          const result = applyMovement(balance, m);
          if (result.ok) {
            expect(result.balance).toBeGreaterThanOrEqual(0);
            balance = result.balance;
            acceptedSum += m.quantity;
          }
        }
        expect(balance).toBe(acceptedSum);
        expect(balance).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses a movement only for a stated reason, and accepts every correctly signed one that keeps stock non-negative', () => {
    fc.assert(
      fc.property(fc.nat(100), movement, (balance, m) => {
        const result = applyMovement(balance, m);
        // Sellable stock (no condition given): what each kind may do to it, stated apart from the table under test.
        const sellableSign = { adjustment: 'either', inbound: 'in', return: 'in', restore: 'in', pick: 'out', recall: 'out', damage: 'out' } as const;
        const sign = sellableSign[m.kind as keyof typeof sellableSign];
        const signOk = sign === 'either' || (sign === 'in' ? m.quantity > 0 : sign === 'out' && m.quantity < 0);
        const expectAccepted = m.quantity !== 0 && signOk && balance + m.quantity >= 0;
        expect(result.ok).toBe(expectAccepted);
      }),
    );
  });

  it('replayMovements agrees with applying one by one and lists refusals by position', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 100 }), (movements) => {
        const replay = replayMovements(movements);
        let balance = 0;
        const refusedAt: number[] = [];
        movements.forEach((m, i) => {
          const result = applyMovement(balance, m);
          if (result.ok) balance = result.balance;
          else refusedAt.push(i);
        });
        expect(replay.balance).toBe(balance);
        expect(replay.refused.map((r) => r.index)).toEqual(refusedAt);
        expect(replay.accepted + replay.refused.length).toBe(movements.length);
      }),
    );
  });
});

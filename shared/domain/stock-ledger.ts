import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * Stock is an append-only ledger of signed movements per SKU and branch; the balance is their sum and never
 * negative. The kind fixes the sign so a mistyped quantity cannot turn a pick into a receipt.
 */
export const movementKinds = ['inbound', 'pick', 'adjustment', 'return', 'recall'] as const;
export type MovementKind = (typeof movementKinds)[number];
export const movementKindSchema = z.enum(movementKinds, { error: reasonCode('invalid-movement-kind') });

export type MovementSign = 'positive' | 'negative' | 'either';

export const movementSigns: Readonly<Record<MovementKind, MovementSign>> = {
  inbound: 'positive', // inspection completed
  return: 'positive', // a parcel came back and went back on the shelf
  pick: 'negative', // an order left the shelf
  recall: 'negative', // the seller takes goods back out of the warehouse
  adjustment: 'either', // a count found more or fewer units than the books
};

/** One movement: units in (positive) or out (negative). */
export const stockMovementSchema = z.object(
  {
    kind: movementKindSchema,
    quantity: z.int({ error: reasonCode('invalid-quantity') }),
  },
  { error: reasonCode('invalid-movement') },
);
export type StockMovement = z.infer<typeof stockMovementSchema>;

export type MovementRefusal = 'negative-stock' | 'wrong-sign' | 'zero-quantity' | 'invalid-quantity';
export type MovementResult = { ok: true; balance: number } | { ok: false; reason: MovementRefusal };

export function applyMovement(balance: number, movement: StockMovement): MovementResult {
  const { kind, quantity } = movement;
  // Fractions or unsafe integers would make the sum drift; units are whole.
  if (!Number.isSafeInteger(quantity)) return { ok: false, reason: 'invalid-quantity' };
  // A zero movement would be a ledger row that means nothing and hides a mistake (an empty count).
  if (quantity === 0) return { ok: false, reason: 'zero-quantity' };
  const sign = movementSigns[kind];
  if ((sign === 'positive' && quantity < 0) || (sign === 'negative' && quantity > 0)) {
    return { ok: false, reason: 'wrong-sign' };
  }
  const next = balance + quantity;
  if (next < 0) return { ok: false, reason: 'negative-stock' };
  return { ok: true, balance: next };
}

export type LedgerReplay = {
  balance: number;
  accepted: number;
  refused: { index: number; reason: MovementRefusal }[];
};

/** Applies movements in order, skipping refused ones: what the daily reconciliation recomputes from the ledger. */
export function replayMovements(movements: Iterable<StockMovement>, openingBalance = 0): LedgerReplay {
  let balance = openingBalance;
  let accepted = 0;
  const refused: LedgerReplay['refused'] = [];
  let index = 0;
  for (const movement of movements) {
    const result = applyMovement(balance, movement);
    if (result.ok) {
      balance = result.balance;
      accepted++;
    } else {
      refused.push({ index, reason: result.reason });
    }
    index++;
  }
  return { balance, accepted, refused };
}

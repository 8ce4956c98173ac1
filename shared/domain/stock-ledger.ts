import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * Stock is an append-only ledger of signed movements per SKU, branch and condition; a balance is their sum and never
 * negative. The kind fixes the sign so a mistyped quantity cannot turn a pick into a receipt.
 *
 * Damaged units are held apart from sellable ones (a condition of their own), so allocation, which reads sellable
 * stock only, never promises them. A move between the two is two movements of the same kind and size, one per
 * condition (damage: sellable out, damaged in; restore: the reverse), so each condition's balance stays the sum of
 * its own movements and the daily reconciliation can check both.
 */
export const stockConditions = ['sellable', 'damaged'] as const;
export type StockCondition = (typeof stockConditions)[number];

export const movementKinds = ['inbound', 'pick', 'adjustment', 'return', 'recall', 'damage', 'restore', 'dispose', 'return-to-seller'] as const;
export type MovementKind = (typeof movementKinds)[number];
export const movementKindSchema = z.enum(movementKinds, { error: reasonCode('invalid-movement-kind') });

export type MovementSign = 'positive' | 'negative' | 'either';

/** Per kind, the conditions it may move and which way; a condition missing here is refused as `wrong-condition`. */
export const movementSigns: Readonly<Record<MovementKind, Readonly<Partial<Record<StockCondition, MovementSign>>>>> = {
  inbound: { sellable: 'positive', damaged: 'positive' }, // inspection completed; units found damaged go to damaged
  return: { sellable: 'positive', damaged: 'positive' }, // a parcel came back: on the shelf, or damaged
  pick: { sellable: 'negative' }, // an order left the shelf
  recall: { sellable: 'negative' }, // the seller takes goods back out of the warehouse
  adjustment: { sellable: 'either' }, // a count found more or fewer units than the books
  damage: { sellable: 'negative', damaged: 'positive' }, // found damaged (at a count): sellable → damaged
  restore: { damaged: 'negative', sellable: 'positive' }, // a supervisor judged damaged units sellable after all
  dispose: { damaged: 'negative' }, // damaged units thrown away
  'return-to-seller': { damaged: 'negative' }, // damaged units sent back to the seller
};

/** The kinds that move units from one condition to the other (two movements, one per condition). */
export const stockTransfers = {
  damage: { from: 'sellable', to: 'damaged' },
  restore: { from: 'damaged', to: 'sellable' },
} as const satisfies Partial<Record<MovementKind, { from: StockCondition; to: StockCondition }>>;
export type TransferKind = keyof typeof stockTransfers;

/** How damaged units leave damaged stock at a supervisor's word: back to sellable, or out of the warehouse. */
export const damagedReleaseKinds = ['restore', 'dispose', 'return-to-seller'] as const;
export type DamagedReleaseKind = (typeof damagedReleaseKinds)[number];

/** One movement: units in (positive) or out (negative). */
export const stockMovementSchema = z.object(
  {
    kind: movementKindSchema,
    quantity: z.int({ error: reasonCode('invalid-quantity') }),
    /** Sellable when absent. */
    condition: z.enum(stockConditions).optional(),
  },
  { error: reasonCode('invalid-movement') },
);
export type StockMovement = z.infer<typeof stockMovementSchema>;

export type MovementRefusal = 'negative-stock' | 'wrong-sign' | 'wrong-condition' | 'zero-quantity' | 'invalid-quantity';
export type MovementResult = { ok: true; balance: number } | { ok: false; reason: MovementRefusal };

export function applyMovement(balance: number, movement: StockMovement): MovementResult {
  const { kind, quantity } = movement;
  // Fractions or unsafe integers would make the sum drift; units are whole.
  if (!Number.isSafeInteger(quantity)) return { ok: false, reason: 'invalid-quantity' };
  // A zero movement would be a ledger row that means nothing and hides a mistake (an empty count).
  if (quantity === 0) return { ok: false, reason: 'zero-quantity' };
  const sign = movementSigns[kind][movement.condition ?? 'sellable'];
  // A pick of damaged units or a disposal of sellable ones is a mistake, not a movement.
  if (!sign) return { ok: false, reason: 'wrong-condition' };
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

/** Applies movements of one condition in order, skipping refused ones: the ledger's balance recomputed. */
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

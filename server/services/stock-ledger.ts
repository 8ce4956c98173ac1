import type { Transaction } from 'kysely';
import { applyMovement, type MovementKind } from '../../shared/domain/stock-ledger';
import { Refusal } from './refusal';
import { isCheckViolation } from '../storage/constraint-errors';
import type { HubDatabase } from '../storage/schema';
import { recordChange } from './changes';

export interface Movement {
  sku: string;
  branchCode: string;
  kind: MovementKind;
  /** Signed: positive in, negative out. */
  quantity: number;
  reference?: string | null;
  stationEventId?: string | null;
  /** The seller whose SKU this is, when the caller already knows it; otherwise it is looked up. */
  sellerId?: string;
  /** When it happened on the floor (a floor event's time); the hub's own movements happen when recorded (`now`). */
  occurredAt?: Date;
}

/**
 * Appends a movement to the ledger and moves the balance in the caller's transaction, so the two never disagree.
 * The balance is changed atomically in SQL; the database's CHECK (quantity >= 0) is the last word when two movements
 * race, and is reported as negative stock like the friendly check before it.
 */
export async function postMovement(trx: Transaction<HubDatabase>, movement: Movement, now = new Date()): Promise<number> {
  const current = await trx
    .selectFrom('stock_balances')
    .select('quantity')
    .where('sku', '=', movement.sku)
    .where('branch_code', '=', movement.branchCode)
    .executeTakeFirst();
  const checked = applyMovement(current?.quantity ?? 0, { kind: movement.kind, quantity: movement.quantity });
  if (!checked.ok) throw new Refusal(checked.reason, { sku: movement.sku, quantity: movement.quantity, balance: current?.quantity ?? 0 });
  let balance: number;
  try {
    // CHECK constraints judge the proposed row of an INSERT before ON CONFLICT, so an outgoing movement must be an
    // UPDATE; an incoming one may meet a concurrent first receipt, hence the upsert.
    const row = current
      ? await trx
          .updateTable('stock_balances')
          .set((eb) => ({ quantity: eb('quantity', '+', movement.quantity) }))
          .where('sku', '=', movement.sku)
          .where('branch_code', '=', movement.branchCode)
          .returning('quantity')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('stock_balances')
          .values({ sku: movement.sku, branch_code: movement.branchCode, quantity: movement.quantity })
          .onConflict((oc) =>
            oc.columns(['sku', 'branch_code']).doUpdateSet((eb) => ({ quantity: eb('stock_balances.quantity', '+', eb.ref('excluded.quantity')) })),
          )
          .returning('quantity')
          .executeTakeFirstOrThrow();
    balance = row.quantity;
  } catch (error) {
    if (isCheckViolation(error)) throw new Refusal('negative-stock', { sku: movement.sku, quantity: movement.quantity, balance: current?.quantity ?? 0 });
    throw error;
  }
  await trx
    .insertInto('stock_movements')
    .values({
      sku: movement.sku,
      branch_code: movement.branchCode,
      kind: movement.kind,
      quantity: movement.quantity,
      reference: movement.reference ?? null,
      station_event_id: movement.stationEventId ?? null,
      // Recorded now (the key keeps the order of arrival); happened at the floor's time.
      created_at: now.toISOString(),
      occurred_at: (movement.occurredAt ?? now).toISOString(),
    })
    .execute();
  const sellerId =
    movement.sellerId ??
    (
      await trx
        .selectFrom('inventory_options')
        .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
        .select('inventory_items.seller_id')
        .where('inventory_options.sku', '=', movement.sku)
        .executeTakeFirst()
    )?.seller_id ??
    null;
  await recordChange(
    trx,
    {
      entity: 'stock',
      entityId: `${movement.sku}@${movement.branchCode}`,
      op: 'upsert',
      branchCode: movement.branchCode,
      sellerId,
      data: { sku: movement.sku, branchCode: movement.branchCode, quantity: balance },
    },
    now,
  );
  return balance;
}

import type { Transaction } from 'kysely';
import { applyMovement, stockTransfers, type MovementKind, type StockCondition, type TransferKind } from '../../shared/domain/stock-ledger';
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
  /** The balance moved: sellable (the default) or damaged. */
  condition?: StockCondition;
  reference?: string | null;
  stationEventId?: string | null;
  /** The seller whose SKU this is, when the caller already knows it; otherwise it is looked up. */
  sellerId?: string;
  /** When it happened on the floor (a floor event's time); the hub's own movements happen when recorded (`now`). */
  occurredAt?: Date;
}

/** A SKU's balances at a branch: sellable units (allocated from) and damaged ones (held apart). */
export interface StockBalance {
  quantity: number;
  damaged: number;
}

/** stock_balances keeps sellable units in `quantity` (as before damaged stock existed) and damaged ones in `damaged`. */
const balanceColumn = (condition: StockCondition) => (condition === 'damaged' ? 'damaged' : 'quantity');

/**
 * Appends a movement to the ledger and moves the balance in the caller's transaction, so the two never disagree.
 * The balance is changed atomically in SQL; the database's CHECK (>= 0) is the last word when two movements race,
 * and is reported as negative stock like the friendly check before it.
 */
export async function postMovement(trx: Transaction<HubDatabase>, movement: Movement, now = new Date()): Promise<number> {
  const condition = movement.condition ?? 'sellable';
  const column = balanceColumn(condition);
  const current = await trx
    .selectFrom('stock_balances')
    .select(['quantity', 'damaged'])
    .where('sku', '=', movement.sku)
    .where('branch_code', '=', movement.branchCode)
    .executeTakeFirst();
  const before = current?.[column] ?? 0;
  const checked = applyMovement(before, { kind: movement.kind, quantity: movement.quantity, condition });
  if (!checked.ok) throw new Refusal(checked.reason, { sku: movement.sku, quantity: movement.quantity, balance: before });
  let balance: StockBalance;
  try {
    // CHECK constraints judge the proposed row of an INSERT before ON CONFLICT, so an outgoing movement must be an
    // UPDATE; an incoming one may meet a concurrent first receipt, hence the upsert.
    balance = current
      ? await trx
          .updateTable('stock_balances')
          .set((eb) => ({ [column]: eb(column, '+', movement.quantity) }))
          .where('sku', '=', movement.sku)
          .where('branch_code', '=', movement.branchCode)
          .returning(['quantity', 'damaged'])
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('stock_balances')
          .values({ sku: movement.sku, branch_code: movement.branchCode, quantity: 0, damaged: 0, [column]: movement.quantity })
          .onConflict((oc) =>
            oc.columns(['sku', 'branch_code']).doUpdateSet((eb) => ({ [column]: eb(`stock_balances.${column}`, '+', eb.ref(`excluded.${column}`)) })),
          )
          .returning(['quantity', 'damaged'])
          .executeTakeFirstOrThrow();
  } catch (error) {
    if (isCheckViolation(error)) throw new Refusal('negative-stock', { sku: movement.sku, quantity: movement.quantity, balance: before });
    throw error;
  }
  await trx
    .insertInto('stock_movements')
    .values({
      sku: movement.sku,
      branch_code: movement.branchCode,
      kind: movement.kind,
      quantity: movement.quantity,
      condition,
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
      data: { sku: movement.sku, branchCode: movement.branchCode, quantity: balance.quantity, damaged: balance.damaged },
    },
    now,
  );
  return balance[column];
}

/**
 * Moves units between sellable and damaged stock (damage, restore): the units leave one balance and enter the other,
 * as two movements of the same kind in the caller's transaction, so the pair is posted together or not at all.
 */
export async function postTransfer(
  trx: Transaction<HubDatabase>,
  transfer: Omit<Movement, 'kind' | 'quantity' | 'condition'> & { kind: TransferKind; units: number },
  now = new Date(),
): Promise<StockBalance> {
  const { kind, units, ...rest } = transfer;
  const { from, to } = stockTransfers[kind];
  const left = await postMovement(trx, { ...rest, kind, condition: from, quantity: -units }, now);
  const entered = await postMovement(trx, { ...rest, kind, condition: to, quantity: units }, now);
  return from === 'sellable' ? { quantity: left, damaged: entered } : { quantity: entered, damaged: left };
}

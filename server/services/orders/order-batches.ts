import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { isUniqueViolation } from '../../storage/constraint-errors';
import type { HubDatabase, OrdersTable } from '../../storage/schema';
import { appendTo, chunked } from '../chunks';
import { Refusal } from '../refusal';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// ---- batches: every line checked, every problem reported, all or nothing -------------------------------------

// The most lines one batch takes is part of the hub API (shared/hub/routes/orders.ts).
export { maxBatchLines } from '../../../shared/hub/routes/orders';

/** One problem of one line: its index in the posted array, the field (dotted path), and a reason code. */
export const lineProblemSchema = z.object({ index: z.int(), field: z.string(), reason: z.string() });
export type LineProblem = z.infer<typeof lineProblemSchema>;

const conflictReasons = new Set(['duplicate-order-no', 'duplicate-management-no']);

/** A refused batch; `onlyTaken` (1 or 0) says whether its only problems are order numbers already taken (a conflict, not bad input). */
export function refuseLines(problems: LineProblem[]): Refusal {
  problems.sort((a, b) => a.index - b.index);
  const shown = problems.slice(0, 10).map((p) => `[${p.index}] ${p.field}: ${p.reason}`);
  if (problems.length > shown.length) shown.push('…');
  const lineCount = new Set(problems.map((p) => p.index)).size;
  const onlyTaken = problems.every((p) => conflictReasons.has(p.reason)) ? 1 : 0;
  return new Refusal('order-lines-refused', { count: lineCount, lines: shown.join('; '), onlyTaken }, problems);
}

export function problemsOf(index: number, issues: readonly z.core.$ZodIssue[]): LineProblem[] {
  return issues.map((issue) => {
    // A strict schema reports unknown keys on the line itself: name them, they are what the caller must fix.
    if (issue.code === 'unrecognized_keys') return { index, field: issue.keys.join(','), reason: 'unknown-field' };
    return { index, field: issue.path.join('.') || '(line)', reason: issue.message };
  });
}

/** Parses each line on its own, so one bad line neither hides the others nor stops the batch from being reported whole. */
export function parseLines<S extends z.ZodType>(lines: readonly unknown[], schema: S, problems: LineProblem[]): (z.output<S> | null)[] {
  return lines.map((line, index) => {
    const result = schema.safeParse(line);
    if (result.success) return result.data;
    problems.push(...problemsOf(index, result.error.issues));
    return null;
  });
}

/** Who is importing: a seller user may only name its own seller; staff may name any seller that exists. */
export interface BatchScope {
  ownSeller: string | null;
}

/** A line naming a seller the caller may not act for reads as an unknown seller, whether or not it exists. */
export async function checkSellers(trx: Db, sellerIds: (string | null)[], scope: BatchScope, problems: LineProblem[]): Promise<void> {
  const named = [...new Set(sellerIds.filter((id): id is string => id !== null))];
  const existing = new Set<string>();
  for (const chunk of chunked(named, 500)) {
    for (const row of await trx.selectFrom('sellers').select('id').where('id', 'in', chunk).execute()) existing.add(row.id);
  }
  sellerIds.forEach((id, index) => {
    if (id === null) return;
    if (!existing.has(id) || (scope.ownSeller !== null && id !== scope.ownSeller)) problems.push({ index, field: 'sellerId', reason: 'unknown-seller' });
  });
}

/** An order no. is unique per seller: against the stored orders and within the batch itself. */
export async function checkOrderNos(
  trx: Db,
  keys: ({ sellerId: string; orderNo: string } | null)[],
  field: string,
  reason: string,
  problems: LineProblem[],
): Promise<void> {
  const key = (sellerId: string, orderNo: string) => `${sellerId}\u0000${orderNo}`;
  const taken = new Set<string>();
  const bySeller = new Map<string, string[]>();
  for (const k of keys) if (k) appendTo(bySeller, k.sellerId, k.orderNo);
  for (const [sellerId, orderNos] of bySeller) {
    for (const chunk of chunked([...new Set(orderNos)], 500)) {
      const rows = await trx.selectFrom('orders').select('order_no').where('seller_id', '=', sellerId).where('order_no', 'in', chunk).execute();
      for (const row of rows) taken.add(key(sellerId, row.order_no));
    }
  }
  keys.forEach((k, index) => {
    if (!k) return;
    const id = key(k.sellerId, k.orderNo);
    if (taken.has(id)) problems.push({ index, field, reason });
    taken.add(id); // a second line with the same no. in this batch is a duplicate of the first
  });
}

export async function insertOrders(trx: Transaction<HubDatabase>, rows: Insertable<OrdersTable>[]): Promise<void> {
  try {
    for (const chunk of chunked(rows, 200)) await trx.insertInto('orders').values(chunk).execute();
  } catch (error) {
    // Only a concurrent batch with the same order no. gets here: the checks above saw it free a moment ago.
    if (isUniqueViolation(error)) throw new Refusal('duplicate', { what: 'order', id: String(rows[0]?.order_no ?? '') });
    throw error;
  }
}

export function newOrderRow(
  now: Date,
  fields: Omit<Insertable<OrdersTable>, 'id' | 'state' | 'branch_code' | 'allocated_at' | 'tracking_no' | 'service' | 'shipped_at' | 'created_at'>,
): Insertable<OrdersTable> {
  return {
    ...fields,
    id: `o-${randomUUID()}`,
    state: 'paid',
    branch_code: null,
    allocated_at: null,
    tracking_no: null,
    service: null,
    shipped_at: null,
    created_at: now.toISOString(),
  };
}

import { z } from 'zod';
import { branchCodeSchema, skuSchema } from '../../domain/identifiers';
import { damagedReleaseKinds } from '../../domain/stock-ledger';
import { plainTextSchema } from '../../domain/text';
import { hubRoute, office } from '../route';

/** A SKU's balances at a branch after a change: sellable units (allocated from) and damaged ones (held apart). */
export const branchStockSchema = z.object({ sku: z.string(), branchCode: z.string(), quantity: z.int(), damaged: z.int() });

/** Damaged stock: a supervisor's decision about units held apart as damaged. */
export const stockRoutes = {
  'stock.releaseDamaged': hubRoute({
    method: 'POST',
    path: '/api/v1/stock/:sku/damaged',
    roles: office,
    summary: 'Move damaged units of a SKU at a branch back to sellable stock (restore) or out (dispose, return-to-seller), with a reason.',
    params: z.object({ sku: skuSchema }),
    body: z
      .object({
        branchCode: branchCodeSchema,
        kind: z.enum(damagedReleaseKinds),
        units: z.int().min(1).max(1_000_000),
        reason: plainTextSchema(200),
      })
      .strict(),
    status: 200,
    response: branchStockSchema,
  }),
} as const;

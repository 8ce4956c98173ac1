import { z } from 'zod';
import { branchCodeSchema, skuSchema } from '../../domain/identifiers';
import { hubRoute, staff } from '../route';

export const skuLocationSchema = z.object({
  branchCode: z.string(),
  sku: z.string(),
  bin: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

/** Where SKUs are shelved: set on the floor at putaway (the `sku.located` floor event), read by staff and sellers. */
export const skuLocationRoutes = {
  'skuLocations.list': hubRoute({
    method: 'GET',
    path: '/api/v1/sku-locations',
    roles: [...staff, 'seller'],
    summary: "A branch's SKU bins in walking order (zone, aisle, rack, level); a seller sees its own SKUs only.",
    query: z.object({ branchCode: branchCodeSchema, sku: skuSchema.optional(), sellerId: z.string().max(50).optional() }),
    status: 200,
    response: z.array(skuLocationSchema),
  }),
} as const;

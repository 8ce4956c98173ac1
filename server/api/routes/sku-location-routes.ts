import { z } from 'zod';
import { branchCodeSchema, skuSchema } from '../../../shared/domain/identifiers';
import { listSkuLocations } from '../../services/sku-locations';
import type { HubRoutes } from '../build-app';
import { staff } from '../route-policy';
import { sellerFilter } from '../seller-scope';

const locationSchema = z.object({ branchCode: z.string(), sku: z.string(), bin: z.string(), updatedAt: z.string(), updatedBy: z.string().nullable() });

/** Where SKUs are shelved: set on the floor at putaway (the `sku.located` floor event), read by staff and sellers. */
export const skuLocationRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/sku-locations',
    {
      config: { roles: [...staff, 'seller'] },
      schema: {
        summary: "A branch's SKU bins in walking order (zone, aisle, rack, level); a seller sees its own SKUs only.",
        querystring: z.object({ branchCode: branchCodeSchema, sku: skuSchema.optional(), sellerId: z.string().max(50).optional() }),
        response: { 200: z.array(locationSchema) },
      },
    },
    async (request) => listSkuLocations(db, { branchCode: request.query.branchCode, sellerId: sellerFilter(request, request.query.sellerId), ...(request.query.sku ? { sku: request.query.sku } : {}) }),
  );
};

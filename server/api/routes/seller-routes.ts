import { z } from 'zod';
import { sellerIdSchema } from '../../../shared/domain/identifiers';
import { plainTextSchema } from '../../../shared/domain/text';
import { createSeller, getSeller, listSellers, sellerViewSchema as sellerSchema, topUpSeller } from '../../services/sellers';
import type { HubRoutes } from '../build-app';
import { actingSeller, sellerFilter } from '../seller-scope';

export const sellerRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/sellers',
    { config: { roles: ['admin', 'supervisor', 'seller'] }, schema: { summary: 'Sellers and their Q-cash balances (a seller sees itself).', response: { 200: z.array(sellerSchema) } } },
    async (request) => listSellers(db, sellerFilter(request, undefined)),
  );

  app.post(
    '/api/v1/sellers',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Register a seller (Qoo10 shop id).',
        body: z.object({ id: sellerIdSchema, name: plainTextSchema(100), balanceJpy: z.int().min(0).max(1_000_000_000).default(0) }).strict(),
        response: { 201: sellerSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSeller(db, request.body)),
  );

  app.get(
    '/api/v1/sellers/:sellerId',
    { config: { roles: ['admin', 'supervisor', 'seller'] }, schema: { params: z.object({ sellerId: z.string().max(50) }), response: { 200: sellerSchema } } },
    async (request) => getSeller(db, actingSeller(request, request.params.sellerId)),
  );

  app.post(
    '/api/v1/sellers/:sellerId/top-ups',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Add Q-cash to a seller balance (JPY).',
        params: z.object({ sellerId: z.string().max(50) }),
        body: z.object({ amountJpy: z.int().min(1).max(100_000_000), reference: z.string().max(100).optional() }).strict(),
        response: { 200: sellerSchema },
      },
    },
    async (request) => topUpSeller(db, request.params.sellerId, request.body),
  );
};

import { z } from 'zod';
import { sellerIdSchema } from '../../domain/identifiers';
import { plainTextSchema } from '../../domain/text';
import { hubRoute } from '../route';

export const sellerSchema = z.object({ id: z.string(), name: z.string(), balanceJpy: z.int(), suspended: z.boolean() });
export type SellerView = z.infer<typeof sellerSchema>;

const sellerParams = z.object({ sellerId: z.string().max(50) });

/** Sellers and their Q-cash. */
export const sellerRoutes = {
  'sellers.list': hubRoute({
    method: 'GET',
    path: '/api/v1/sellers',
    roles: ['admin', 'supervisor', 'seller'],
    summary: 'Sellers and their Q-cash balances (a seller sees itself).',
    status: 200,
    response: z.array(sellerSchema),
  }),
  'sellers.create': hubRoute({
    method: 'POST',
    path: '/api/v1/sellers',
    roles: ['admin'],
    summary: 'Register a seller (Qoo10 shop id).',
    body: z.object({ id: sellerIdSchema, name: plainTextSchema(100), balanceJpy: z.int().min(0).max(1_000_000_000).default(0) }).strict(),
    status: 201,
    response: sellerSchema,
  }),
  'sellers.get': hubRoute({
    method: 'GET',
    path: '/api/v1/sellers/:sellerId',
    roles: ['admin', 'supervisor', 'seller'],
    params: sellerParams,
    status: 200,
    response: sellerSchema,
  }),
  'sellers.topUp': hubRoute({
    method: 'POST',
    path: '/api/v1/sellers/:sellerId/top-ups',
    roles: ['admin'],
    summary: 'Add Q-cash to a seller balance (JPY).',
    params: sellerParams,
    body: z.object({ amountJpy: z.int().min(1).max(100_000_000), reference: z.string().max(100).optional() }).strict(),
    status: 200,
    response: sellerSchema,
  }),
} as const;

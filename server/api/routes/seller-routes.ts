import { z } from 'zod';
import { sellerIdSchema } from '../../../shared/domain/identifiers';
import { plainTextSchema } from '../../../shared/domain/text';
import { recordChange } from '../../services/changes';
import type { HubRoutes } from '../build-app';
import { HubError, notFound } from '../hub-error';
import { actingSeller, sellerFilter } from '../seller-scope';

const sellerSchema = z.object({ id: z.string(), name: z.string(), balanceJpy: z.int(), suspended: z.boolean() });
const toSeller = (row: { id: string; name: string; balance_jpy: number; suspended: number }) => ({
  id: row.id,
  name: row.name,
  balanceJpy: row.balance_jpy,
  suspended: row.suspended === 1,
});

export const sellerRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/sellers',
    { config: { roles: ['admin', 'supervisor', 'seller'] }, schema: { summary: 'Sellers and their Q-cash balances (a seller sees itself).', response: { 200: z.array(sellerSchema) } } },
    async (request) => {
      const only = sellerFilter(request, undefined);
      let query = db.selectFrom('sellers').selectAll().orderBy('id');
      if (only) query = query.where('id', '=', only);
      return (await query.execute()).map(toSeller);
    },
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
    async (request, reply) => {
      const { id, name, balanceJpy } = request.body;
      const created = await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('sellers').select('id').where('id', '=', id).executeTakeFirst()) throw new HubError('duplicate', 409, { what: 'seller', id });
        const row = { id, name, balance_jpy: balanceJpy, suspended: 0, created_at: new Date().toISOString() };
        await trx.insertInto('sellers').values(row).execute();
        await recordChange(trx, { entity: 'seller', entityId: id, op: 'upsert', branchCode: null, sellerId: id, data: toSeller(row) });
        return row;
      });
      return reply.status(201).send(toSeller(created));
    },
  );

  app.get(
    '/api/v1/sellers/:sellerId',
    { config: { roles: ['admin', 'supervisor', 'seller'] }, schema: { params: z.object({ sellerId: z.string().max(50) }), response: { 200: sellerSchema } } },
    async (request) => {
      const id = actingSeller(request, request.params.sellerId);
      const row = await db.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('seller', id);
      return toSeller(row);
    },
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
    async (request) => {
      const id = request.params.sellerId;
      return db.transaction().execute(async (trx) => {
        const seller = await trx.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst();
        if (!seller) throw notFound('seller', id);
        const balance = seller.balance_jpy + request.body.amountJpy;
        await trx.updateTable('sellers').set({ balance_jpy: balance }).where('id', '=', id).execute();
        await trx
          .insertInto('fee_charges')
          .values({ seller_id: id, kind: 'top-up', amount_jpy: request.body.amountJpy, reference: request.body.reference ?? null, created_at: new Date().toISOString() })
          .execute();
        const updated = toSeller({ ...seller, balance_jpy: balance });
        await recordChange(trx, { entity: 'seller', entityId: id, op: 'upsert', branchCode: null, sellerId: id, data: updated });
        return updated;
      });
    },
  );
};

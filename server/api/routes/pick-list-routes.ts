import { z } from 'zod';
import { heldPickOrderSchema } from '../../../shared/contract/picking';
import { branchCodeSchema } from '../../../shared/domain/identifiers';
import { tokyoDate, tokyoDateSchema } from '../../../shared/domain/tokyo-time';
import { listPickLists, makePickLists, maxOrdersPerList, pickListViewSchema } from '../../services/pick-lists';
import { notFound } from '../../services/refusal';
import type { HubRoutes } from '../build-app';
import { staff } from '../route-policy';
import { sellerFilter } from '../seller-scope';

/** Who makes pick lists on the floor: packers (who pick), and the office. */
const pickListMakers = ['packer', 'supervisor', 'admin'] as const;

export const pickListRoutes: HubRoutes = (app, store) => {
  app.post(
    '/api/v1/pick-lists',
    {
      config: { roles: pickListMakers },
      schema: {
        summary: "Make today's pick lists at a branch: every allocated order due now and on no list yet, batched by cart, in bin order.",
        description:
          'Due: Qoo10 orders paid by 16:00 JST, management-no. orders registered by 13:00 JST, a scheduled ship date on its day, overdue ones first; 14-day orders after the others. A cart is picked whole, only when every line is allocated here; a suspended seller’s orders are held. `held` lists the orders left out, with the reason.',
        body: z.object({ branchCode: branchCodeSchema, ordersPerList: z.int().min(1).max(maxOrdersPerList).optional() }).strict(),
        response: { 201: z.object({ lists: z.array(pickListViewSchema), held: z.array(heldPickOrderSchema) }) },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const createdBy = principal.kind === 'user' ? principal.userId : principal.stationId;
      const run = await makePickLists(store, { branchCode: request.body.branchCode, ordersPerList: request.body.ordersPerList, createdBy });
      return reply.status(201).send(run);
    },
  );

  app.get(
    '/api/v1/pick-lists',
    {
      config: { roles: [...staff, 'station', 'seller'] },
      schema: {
        summary: 'The pick lists made at a branch on a day (today in Tokyo by default); a seller sees only its own orders on them.',
        querystring: z.object({ branchCode: branchCodeSchema, date: tokyoDateSchema.optional() }),
        response: { 200: z.object({ lists: z.array(pickListViewSchema) }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const { branchCode, date } = request.query;
      // A station sees its own branch: another branch's lists are as good as absent.
      if (principal.kind === 'station' && principal.branchCode !== branchCode) throw notFound('branch', branchCode);
      return { lists: await listPickLists(store.db, { branchCode, date: date ?? tokyoDate(new Date()), sellerId: sellerFilter(request, undefined) }) };
    },
  );
};

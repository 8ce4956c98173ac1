import { z } from 'zod';
import { heldPickOrderSchema } from '../../contract/picking';
import { branchCodeSchema } from '../../domain/identifiers';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute, staff } from '../route';

/** The most orders one pick list (one cart round) takes. */
export const maxOrdersPerList = 200;

export const pickListLineSchema = z.object({ sku: z.string(), bin: z.string().nullable(), quantity: z.int(), orderIds: z.array(z.string()) });
export const pickListViewSchema = z.object({
  id: z.string(),
  branchCode: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Priority order. */
  orderIds: z.array(z.string()),
  /** Walking order (bin), a SKU without a bin last. */
  lines: z.array(pickListLineSchema),
});
export type PickListView = z.infer<typeof pickListViewSchema>;

/** Who makes pick lists on the floor: packers (who pick), and the office. */
const pickListMakers = ['packer', 'supervisor', 'admin'] as const;

/** Today's pick lists of a branch. */
export const pickListRoutes = {
  'pickLists.make': hubRoute({
    method: 'POST',
    path: '/api/v1/pick-lists',
    roles: pickListMakers,
    summary: "Make today's pick lists at a branch: every allocated order due now and on no list yet, batched by cart, in bin order.",
    description:
      'Due: Qoo10 orders paid by 16:00 JST, management-no. orders registered by 13:00 JST, a scheduled ship date on its day, overdue ones first; 14-day orders after the others. A cart is picked whole, only when every line is allocated here; a suspended seller’s orders are held. `held` lists the orders left out, with the reason.',
    body: z.object({ branchCode: branchCodeSchema, ordersPerList: z.int().min(1).max(maxOrdersPerList).optional() }).strict(),
    status: 201,
    response: z.object({ lists: z.array(pickListViewSchema), held: z.array(heldPickOrderSchema) }),
  }),
  'pickLists.list': hubRoute({
    method: 'GET',
    path: '/api/v1/pick-lists',
    roles: [...staff, 'station', 'seller'],
    summary: 'The pick lists made at a branch on a day (today in Tokyo by default); a seller sees only its own orders on them.',
    query: z.object({ branchCode: branchCodeSchema, date: tokyoDateSchema.optional() }),
    status: 200,
    response: z.object({ lists: z.array(pickListViewSchema) }),
  }),
} as const;

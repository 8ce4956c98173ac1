import { z } from 'zod';
import { hubRoute } from '../route';

/** One entry of the hub's append-only audit log. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string().describe('ISO time'),
  kind: z.string().describe('sign-in | lockout | sign-out | …'),
  outcome: z.enum(['ok', 'refused']),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  stationId: z.string().nullable(),
  method: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

/** Reading the audit log: admins only. */
export const auditRoutes = {
  'audit.list': hubRoute({
    method: 'GET',
    path: '/api/v1/audit',
    roles: ['admin'],
    summary: 'The audit log, newest first, a page at a time; filtered by time (from inclusive, to exclusive) and kinds.',
    query: z.object({
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      kind: z
        .string()
        .regex(/^[a-z-]+(,[a-z-]+)*$/)
        .optional()
        .describe('one kind or several, comma-separated'),
      before: z.coerce.number().int().positive().optional().describe('the `next` of the page before'),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    status: 200,
    response: z.object({ entries: z.array(auditEntrySchema), next: z.number().int().nullable() }),
  }),
} as const;

import { z } from 'zod';
import { changeSchema, floorEventSchema, pushResultSchema } from '../../../shared/contract/floor-events';
import { feedVersion } from '../../../shared/hub/feed';
import { branchCodeSchema } from '../../../shared/domain/identifiers';
import { registerStation } from '../../services/stations';
import { applyFloorEvents } from '../../sync/apply-floor-events';
import type { HubRoutes } from '../build-app';
import { explainIn } from '../messages';

const stationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const syncRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.post(
    '/api/v1/stations',
    {
      config: { roles: ['admin'] },
      schema: {
        summary: 'Register a floor station; its secret is returned once.',
        body: z.object({ id: stationIdSchema, name: z.string().min(1).max(100), branchCode: branchCodeSchema }).strict(),
        response: { 201: z.object({ id: z.string(), secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const secret = await registerStation(db, request.body);
      return reply.status(201).send({ id: request.body.id, secret });
    },
  );

  app.get(
    '/api/v1/changes',
    {
      config: { roles: ['station', 'admin'] },
      schema: {
        summary: "The changes feed: what changed after `since`, in commit order; a station sees its own branch's and global changes.",
        querystring: z.object({ since: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
        response: { 200: z.object({ changes: z.array(changeSchema), next: z.int(), feedVersion: z.int().optional() }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      let query = db.selectFrom('changes').selectAll().where('seq', '>', request.query.since).orderBy('seq').limit(request.query.limit);
      if (principal.kind === 'station') {
        query = query.where((eb) => eb.or([eb('branch_code', '=', principal.branchCode), eb('branch_code', 'is', null)]));
      }
      const rows = await query.execute();
      const changes = rows.map((row) => ({
        seq: row.seq,
        entity: row.entity,
        entityId: row.entity_id,
        op: row.op as 'upsert' | 'delete',
        branchCode: row.branch_code,
        sellerId: row.seller_id,
        data: JSON.parse(row.data) as unknown,
        at: row.created_at,
      }));
      return { changes, next: changes.at(-1)?.seq ?? request.query.since, feedVersion };
    },
  );

  app.post(
    '/api/v1/station-events',
    {
      config: { roles: ['station'] },
      schema: {
        summary: 'Push floor events from a station outbox: applied once each, in the station order.',
        body: z.object({ events: z.array(floorEventSchema).min(1).max(500) }).strict(),
        response: { 200: z.object({ results: z.array(pushResultSchema), lastSeq: z.int() }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (principal.kind !== 'station') throw new Error('unreachable: the route is for stations only');
      return applyFloorEvents(db, { stationId: principal.stationId, branchCode: principal.branchCode }, request.body.events, explainIn(request.language));
    },
  );
};

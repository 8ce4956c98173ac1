import { z } from 'zod';
import { changeSchema, floorEventSchema, pushResultSchema } from '../../contract/floor-events';
import { branchCodeSchema } from '../../domain/identifiers';
import { hubRoute } from '../route';

const stationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Stations: registering one, its pushes of floor events, and the changes feed it pulls. */
export const syncRoutes = {
  'stations.register': hubRoute({
    method: 'POST',
    path: '/api/v1/stations',
    roles: ['admin'],
    summary: 'Register a floor station; its secret is returned once.',
    body: z.object({ id: stationIdSchema, name: z.string().min(1).max(100), branchCode: branchCodeSchema }).strict(),
    status: 201,
    response: z.object({ id: z.string(), secret: z.string() }),
  }),
  'sync.changes': hubRoute({
    method: 'GET',
    path: '/api/v1/changes',
    roles: ['station', 'admin'],
    summary: "The changes feed: what changed after `since`, in commit order; a station sees its own branch's and global changes.",
    query: z.object({ since: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
    status: 200,
    response: z.object({
      changes: z.array(changeSchema),
      next: z.int(),
      /** The feed map's version (shared/hub/feed.ts); absent from an older hub. */ feedVersion: z.int().optional(),
    }),
  }),
  'sync.push': hubRoute({
    method: 'POST',
    path: '/api/v1/station-events',
    roles: ['station'],
    summary: 'Push floor events from a station outbox: applied once each, in the station order.',
    body: z.object({ events: z.array(floorEventSchema).min(1).max(500) }).strict(),
    status: 200,
    response: z.object({ results: z.array(pushResultSchema), lastSeq: z.int() }),
  }),
  'stations.report': hubRoute({
    method: 'POST',
    path: '/api/v1/stations/me/report',
    roles: ['station'],
    summary: "A station's own state for the supervisor: events waiting in its outbox and print jobs failed or waiting.",
    body: z.object({ outboxWaiting: z.int().min(0).max(10_000_000), printProblems: z.int().min(0).max(100_000) }).strict(),
    status: 204,
    response: z.null().describe('Recorded.'),
  }),
} as const;

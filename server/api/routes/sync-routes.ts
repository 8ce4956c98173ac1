import { feedVersion } from '../../../shared/hub/feed';
import { syncRoutes as syncApi } from '../../../shared/hub/routes/sync';
import { noteStationContact, recordStationReport, registerStation } from '../../services/stations';
import { applyFloorEvents } from '../../sync/apply-floor-events';
import type { HubRoutes } from '../build-app';
import { explainIn } from '../messages';
import { registerRoutes } from '../register-routes';

export const syncRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, syncApi, {
    'stations.register': async (request) => {
      const secret = await registerStation(db, request.body);
      return { id: request.body.id, secret };
    },

    'sync.changes': async (request) => {
      const principal = request.principal!;
      if (principal.kind === 'station') await noteStationContact(db, principal.stationId);
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
      // The feed map's version rides with every page: a station older than the hub can say so (shared/hub/feed.ts).
      return { changes, next: changes.at(-1)?.seq ?? request.query.since, feedVersion };
    },

    'sync.push': async (request) => {
      const principal = request.principal!;
      if (principal.kind !== 'station') throw new Error('unreachable: the route is for stations only');
      await noteStationContact(db, principal.stationId);
      return applyFloorEvents(db, { stationId: principal.stationId, branchCode: principal.branchCode }, request.body.events, explainIn(request.language));
    },

    'stations.report': async (request) => {
      const principal = request.principal!;
      if (principal.kind !== 'station') throw new Error('unreachable: the route is for stations only');
      await recordStationReport(db, principal.stationId, request.body);
      return null;
    },
  });
};

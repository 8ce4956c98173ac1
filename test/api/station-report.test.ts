import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyCountsView } from '../../shared/hub/routes/daily-counts';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

/**
 * A station tells the hub how it stands (events waiting in its outbox, print jobs failed or waiting); the supervisor's
 * day shows it with the station's last contact, which its pulls and pushes keep up to date too.
 */
describe.each(hubStoreFactories())('stations.report on $dialect', (factory) => {
  let hub: TestHub;
  const stationAuth = new Map<string, Record<string, string>>();
  const stationRow = (id: string) =>
    hub.hub.store.db
      .selectFrom('stations')
      .select(['outbox_waiting', 'print_problems', 'reported_at', 'last_contact_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const report = (id: string, body: unknown) => hub.request('POST', '/api/v1/stations/me/report', { token: null, headers: stationAuth.get(id)!, body });
  const stationsOfTheDay = async () => ((await hub.request('GET', `/api/v1/daily-counts?branchCode=${tokyo}`)).body as DailyCountsView).stations;

  beforeAll(async () => {
    hub = await startTestHub(factory);
    for (const id of ['bench-1', 'bench-2', 'bench-3']) {
      const secret = await registerStation(hub.hub.store.db, { id, name: `梱包 ${id.slice(-1)}`, branchCode: tokyo });
      stationAuth.set(id, { authorization: `Station ${id}:${secret}` });
    }
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('keeps what the station reports and when, and shows it on the day', async () => {
    const before = Date.now();
    const answer = await report('bench-1', { outboxWaiting: 12, printProblems: 2 });
    expect(answer.status).toBe(204);
    const row = await stationRow('bench-1');
    expect(row).toMatchObject({ outbox_waiting: 12, print_problems: 2 });
    expect(Date.parse(row.reported_at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(row.last_contact_at).toBe(row.reported_at);
    expect((await report('bench-1', { outboxWaiting: 0, printProblems: 0 })).status).toBe(204);
    const shown = (await stationsOfTheDay()).find((station) => station.stationId === 'bench-1');
    expect(shown).toMatchObject({ name: '梱包 1', branchCode: tokyo, outboxWaiting: 0, printProblems: 0 });
    expect(shown!.lastContactAt).not.toBeNull();
    // A station that never reported says so (null), rather than "nothing waiting".
    expect((await stationsOfTheDay()).find((station) => station.stationId === 'bench-3')).toMatchObject({
      outboxWaiting: null,
      printProblems: null,
      lastContactAt: null,
    });
  });

  it('counts a pull and a push as contact', async () => {
    expect((await stationRow('bench-2')).last_contact_at).toBeNull();
    expect((await hub.request('GET', '/api/v1/changes?since=0&limit=1', { token: null, headers: stationAuth.get('bench-2')! })).status).toBe(200);
    const pulled = (await stationRow('bench-2')).last_contact_at;
    expect(pulled).not.toBeNull();
    expect((await stationRow('bench-2')).outbox_waiting).toBeNull();

    expect((await stationRow('bench-3')).last_contact_at).toBeNull();
    const event = {
      eventId: crypto.randomUUID(),
      seq: 1,
      kind: 'sku.located',
      payload: { sku: 'nope', bin: 'A-01-01-01' },
      occurredAt: new Date().toISOString(),
      userId: null,
    };
    expect((await hub.request('POST', '/api/v1/station-events', { token: null, headers: stationAuth.get('bench-3')!, body: { events: [event] } })).status).toBe(
      200,
    );
    expect((await stationRow('bench-3')).last_contact_at).not.toBeNull();
  });

  it('refuses a bad report and records nothing', async () => {
    const before = await stationRow('bench-1');
    for (const body of [
      { outboxWaiting: -1, printProblems: 0 },
      { outboxWaiting: 1.5, printProblems: 0 },
      { outboxWaiting: 1 },
      { outboxWaiting: 1, printProblems: 0, extra: 1 },
    ]) {
      expect((await report('bench-1', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await stationRow('bench-1')).toEqual(before);
  });

  it('is for stations only: a person cannot report for one', async () => {
    const supervisor = await hub.tokenFor('supervisor');
    expect((await hub.request('POST', '/api/v1/stations/me/report', { token: supervisor, body: { outboxWaiting: 1, printProblems: 0 } })).status).toBe(403);
    expect((await hub.request('POST', '/api/v1/stations/me/report', { token: null, body: { outboxWaiting: 1, printProblems: 0 } })).status).toBe(401);
  });
});

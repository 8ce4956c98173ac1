import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../../shared/contract/schemas';
import { HubContractError, hubCall } from '../../../electron/station/hub-client/hub-http';
import { HubSync } from '../../../electron/station/hub-client/hub-sync';
import { StationStore } from '../../../electron/station/store/station-store';
import { waitUntil } from '../../support/wait-until';

/** What the little stand-in hub answers to a push. */
type Mode = 'wrong-shape' | 'older-hub' | 'right';

/**
 * A station against a hub whose answers do not match the route map it was built with: a push answer in another shape
 * (a newer hub, say) or a hub without the route (an older one). The station must use nothing of such an answer —
 * every event stays pending — and say which route and which hub version, on the status bar too.
 */
describe('a hub answer that breaks the route map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-contract-'));
  let server: Server;
  let url = '';
  let mode: Mode = 'wrong-shape';
  let store: StationStore;
  let sync: HubSync | null = null;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const events = request.url === '/api/v1/station-events' ? (JSON.parse(text) as { events: { eventId: string; seq: number }[] }).events : [];
        if (request.url?.startsWith('/api/v1/changes')) {
          response.writeHead(200, { 'content-type': 'application/json', 'qwms-hub-version': '9.0.0' }).end(JSON.stringify({ changes: [], next: 0 }));
        } else if (mode === 'older-hub') {
          // What Fastify answers for a route it does not have, from a hub too old to name its version.
          response
            .writeHead(404, { 'content-type': 'application/json' })
            .end(JSON.stringify({ message: `Route POST:${request.url} not found`, error: 'Not Found', statusCode: 404 }));
        } else if (mode === 'wrong-shape') {
          // Looks applied to a careless reader, but `state` is not `status`, and lastSeq is missing.
          response
            .writeHead(200, { 'content-type': 'application/json', 'qwms-hub-version': '9.0.0' })
            .end(JSON.stringify({ results: events.map((event) => ({ eventId: event.eventId, seq: event.seq, state: 'applied' })) }));
        } else {
          const results = events.map((event) => ({ eventId: event.eventId, seq: event.seq, status: 'applied', reason: null, message: null }));
          response
            .writeHead(200, { 'content-type': 'application/json', 'qwms-hub-version': '0.1.0' })
            .end(JSON.stringify({ results, lastSeq: events.at(-1)?.seq ?? 0 }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await sync?.stop();
    sync = null;
    store?.close();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const credentials = () => ({ url, stationId: 'st-contract', secret: 'contract-secret' });
  const pendingEvents = (name: string) => {
    store = new StationStore(join(dir, name));
    store.appendEvent('stock.adjusted', { sku: '300000000001-00001', quantity: 1, reason: '棚卸し' }, null);
    store.appendEvent('stock.adjusted', { sku: '300000000001-00001', quantity: -1, reason: '棚卸し' }, null);
    return pushable();
  };
  const pushable = () =>
    store.pending(10).map((entry) => ({
      eventId: entry.eventId,
      seq: entry.seq,
      kind: entry.kind,
      payload: entry.payload,
      occurredAt: entry.occurredAt,
      userId: entry.userId,
    }));

  it('is an error naming the route and the hub version, and no answer is returned', async () => {
    mode = 'wrong-shape';
    const events = pendingEvents('direct');
    const call = hubCall(credentials(), 'sync.push', { body: { events } });
    await expect(call).rejects.toBeInstanceOf(HubContractError);
    await expect(call).rejects.toMatchObject({ route: 'sync.push', hubVersion: '9.0.0', kind: 'answer' });
    await expect(call).rejects.toThrow(/^hub 9\.0\.0 answered sync\.push in a shape this station \(built for hub 0\.1\.0\) cannot read: results\.0\.status/);
  });

  it('leaves the outbox untouched and puts the problem on the status bar; a matching hub then drains it', async () => {
    mode = 'wrong-shape';
    pendingEvents('sync');
    const statuses: HubStatus[] = [];
    const logged: string[] = [];
    sync = new HubSync(
      credentials(),
      store,
      { onStatus: (status) => statuses.push(status), onOutboxDepth: () => {}, log: (line) => logged.push(line) },
      { pollMs: 50, maxBackoffMs: 100 },
    );
    sync.start();
    await waitUntil(() => statuses.some((status) => status.problem), 'the contract problem on the status');
    expect(statuses.find((status) => status.problem)?.problem).toEqual({ code: 'hub-contract', route: 'sync.push', hubVersion: '9.0.0' });
    expect(store.pendingCount()).toBe(2);
    expect(store.recent(10).map((entry) => entry.state)).toEqual(['pending', 'pending']);
    expect(logged.some((line) => line.includes('sync.push') && line.includes('9.0.0'))).toBe(true);

    // The hub is upgraded: the same events go through and the problem leaves the status bar.
    mode = 'right';
    await waitUntil(() => store.pendingCount() === 0, 'the outbox to drain');
    await waitUntil(() => statuses.at(-1)?.problem === null, 'the problem cleared');
    expect(statuses.at(-1)).toMatchObject({ state: 'online', problem: null });
  });

  it('reports a hub older than the station (the route missing) the same way, the outbox untouched', async () => {
    mode = 'older-hub';
    pendingEvents('older');
    const statuses: HubStatus[] = [];
    sync = new HubSync(credentials(), store, { onStatus: (status) => statuses.push(status), onOutboxDepth: () => {} }, { pollMs: 50, maxBackoffMs: 100 });
    sync.start();
    await waitUntil(() => statuses.some((status) => status.problem), 'the contract problem on the status');
    expect(statuses.find((status) => status.problem)?.problem).toEqual({ code: 'hub-contract', route: 'sync.push', hubVersion: null });
    expect(store.pendingCount()).toBe(2);
    await expect(hubCall(credentials(), 'sync.push', { body: { events: pushable() } })).rejects.toMatchObject({
      route: 'sync.push',
      hubVersion: null,
      kind: 'missing-route',
    });
  });
});

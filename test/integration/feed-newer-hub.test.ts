import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubSync } from '../../electron/station/hub-client/hub-sync';
import { PackingService } from '../../electron/station/packing/packing-service';
import { StationStore } from '../../electron/station/store/station-store';
import type { HubStatus } from '../../shared/contract/schemas';
import { feedVersion } from '../../shared/hub/feed';
import { benchBranch, benchOrder, benchSku, benchSkuView } from '../support/pack-bench-fixtures';
import { waitUntil } from '../support/wait-until';

/**
 * Guards the changes feed between a station and a NEWER hub (upgraded first): an entity the station has never heard
 * of, a known entity with a field it does not know, and one whose data no longer reads as that entity. The station
 * (real StationStore, real HubSync over HTTP) keeps working: the cursor moves past them, what it can read it reads,
 * the rest is kept as the hub sent it and skipped by every screen, and its outbox is still pushed.
 */
const branch = benchBranch;
const sku = benchSku;
const olderOrder = benchOrder({ cartNo: null });
const order = {
  ...olderOrder,
  recipient: { ...olderOrder.recipient, building: '千代田ビル 3F' },
  // Fields a newer hub added: kept, ignored.
  giftWrap: { paper: 'sakura', message: 'おめでとう' },
  priority: 3,
};
const newerPage = {
  feedVersion: feedVersion + 1,
  next: 4,
  changes: [
    { seq: 1, entity: 'order', entityId: 'o-1', op: 'upsert', branchCode: branch, sellerId: 'sakura-shop', data: order, at: '2026-12-01T00:00:00Z' },
    {
      seq: 2,
      entity: 'seller-invoice',
      entityId: 'inv-1',
      op: 'upsert',
      branchCode: null,
      sellerId: 'sakura-shop',
      data: { month: '2026-11', amountJpy: 12_000 },
      at: '2026-12-01T00:00:00Z',
    },
    // A known entity whose data changed shape: not read, and the station's older copy is not shown in its place.
    {
      seq: 3,
      entity: 'order',
      entityId: 'o-2',
      op: 'upsert',
      branchCode: branch,
      sellerId: 'sakura-shop',
      data: { ...order, id: 'o-2', orderNo: '700000002', quantity: 'two' },
      at: '2026-12-01T00:00:00Z',
    },
    {
      seq: 4,
      entity: 'sku',
      entityId: sku,
      op: 'upsert',
      branchCode: null,
      sellerId: 'sakura-shop',
      // A field a newer hub added to the SKU view: kept, ignored.
      data: { ...benchSkuView, jan: null, hsCode: '6302.60' },
      at: '2026-12-01T00:00:00Z',
    },
  ],
};

let dir: string;
let store: StationStore;
let hub: Server;
let url: string;
let pushed: { eventId: string; seq: number }[];
let sinces: number[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-feed-newer-'));
  store = new StationStore(dir);
  // The station already had o-2 in the older shape: the newer entry must hide it, not leave a stale order on the bench.
  store.applyChanges([{ entity: 'order', entityId: 'o-2', op: 'upsert', data: { ...olderOrder, id: 'o-2', orderNo: '700000002' } }], 0);
  pushed = [];
  sinces = [];
  hub = createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', 'http://hub');
    const answer = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && requestUrl.pathname === '/api/v1/changes') {
      const since = Number(requestUrl.searchParams.get('since'));
      sinces.push(since);
      answer(since === 0 ? newerPage : { changes: [], next: since, feedVersion: feedVersion + 1 });
      return;
    }
    if (request.method === 'POST' && requestUrl.pathname === '/api/v1/station-events') {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const events = (JSON.parse(text) as { events: { eventId: string; seq: number }[] }).events;
        pushed.push(...events);
        answer({
          results: events.map((event) => ({ eventId: event.eventId, seq: event.seq, status: 'applied', reason: null, message: null })),
          lastSeq: events.at(-1)?.seq ?? 0,
        });
      });
      return;
    }
    // A newer hub takes the station's report too (outbox and print problems, for the supervisor's day).
    if (request.method === 'POST' && requestUrl.pathname === '/api/v1/stations/me/report') {
      request.resume();
      response.writeHead(204).end();
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => hub.close(() => resolve()));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a station pulling from a newer hub', () => {
  it('keeps an unknown entity and unreadable data unread, reads the rest, moves its cursor and still pushes', async () => {
    const event = store.appendEvent('sku.located', { sku, bin: 'A-01-01-01' }, 'u-clerk');
    const logged: string[] = [];
    const statuses: HubStatus[] = [];
    let sawPage!: () => void;
    let drained!: () => void;
    const pageApplied = new Promise<void>((resolve) => (sawPage = resolve));
    const outboxEmpty = new Promise<void>((resolve) => (drained = resolve));
    const sync = new HubSync(
      { url, stationId: 'st-1', secret: 'x' },
      store,
      {
        onStatus: (status) => statuses.push(status),
        onOutboxDepth: (depth) => depth === 0 && drained(),
        onChanges: (changes) => changes.length > 0 && sawPage(),
        log: (message) => logged.push(message),
      },
      { pollMs: 50 },
    );
    sync.start();
    await Promise.all([pageApplied, outboxEmpty]);
    await waitUntil(() => statuses.some((status) => status.problem?.code === 'feed-unread'), 'the status to say what was kept unread');
    await sync.stop();
    // Said on the status bar, not only in the log: online, with the count kept unread and the hub's feed version.
    expect(statuses.at(-1)).toMatchObject({ state: 'online', problem: { code: 'feed-unread', count: 2, hubFeedVersion: feedVersion + 1 } });

    expect(pushed.map((entry) => entry.eventId)).toEqual([event.eventId]);
    expect(store.setting('changes.cursor')).toBe('4');
    expect(sinces[0]).toBe(0);

    // The known order reads, with what the newer hub added kept in the cache as sent.
    const cached = store.cachedOne('order', 'o-1');
    expect(cached?.orderNo).toBe('700000001');
    expect(cached?.giftWrap).toEqual({ paper: 'sakura', message: 'おめでとう' });
    expect(store.cachedOne('sku', sku)?.hsCode).toBe('6302.60');

    // The unknown entity and the order that no longer reads are kept, unread, with why.
    expect(store.unreadCached()).toEqual([
      { entity: 'order', entityId: 'o-2', data: expect.objectContaining({ quantity: 'two' }), reason: expect.stringContaining('quantity') },
      { entity: 'seller-invoice', entityId: 'inv-1', data: { month: '2026-11', amountJpy: 12_000 }, reason: 'unknown-entity' },
    ]);
    expect(store.cachedOne('order', 'o-2')).toBeNull();
    expect(store.cached('order').map((row) => row.id)).toEqual(['o-1']);
    expect(logged).toEqual([`hub sync: kept 2 change(s) this station cannot read (feed version ${feedVersion + 1}, station knows ${feedVersion})`]);

    // The pack bench works on what it can read and says nothing of the rest.
    const packing = new PackingService({
      store,
      branchCode: branch,
      hub: { url, stationId: 'st-1', secret: 'x' },
      record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
      printLabel: () => Promise.reject(new Error('no label is printed in this test')),
      log: () => {},
    });
    expect(packing.open('700000001').orders.map((row) => [row.orderId, row.recipientName, row.lines[0]?.optionName])).toEqual([['o-1', '山田 太郎', 'L']]);
    expect(packing.open('700000002')).toMatchObject({ orders: [], refusal: 'unknown-order' });
  });
});

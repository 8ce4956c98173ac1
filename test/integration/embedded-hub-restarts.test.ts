import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/contract/wire';
import { openHubStore } from '../../server/storage/database';
import { startEmbeddedStationProcess, type EmbeddedStationProcess } from '../support/embedded-station-process';
import { StationSocket } from '../support/station-socket';
import { waitUntil } from '../support/wait-until';

type Answer = Extract<ServerMessage, { type: 'result' }>;

async function call<T = any>(socket: StationSocket, method: string, input: unknown): Promise<T> {
  const answer = (await socket.call(method, input)) as Answer;
  if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer)}`);
  return answer.output as T;
}

describe('a web-mode station whose embedded hub dies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-hub-restart-'));
  let station: EmbeddedStationProcess | null = null;
  // A loaded machine can take a while to stop the station and its hub cleanly.
  afterAll(async () => {
    await station?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts it again on the same URL, says so on the station status, and delivers what was queued meanwhile', async () => {
    station = await startEmbeddedStationProcess(dir);
    const socket = await StationSocket.open(station.url);
    await waitUntil(async () => (await call(socket, 'station.status', {})).hub.state === 'online', 'the station online with its hub', 60_000);
    expect(await call(socket, 'station.status', {})).toMatchObject({
      hub: { url: station.hubUrl },
      embeddedHub: { state: 'running', restarts: 0, lastExit: null },
    });
    await call(socket, 'session.signIn', { method: 'badge', badge: 'BADGE-0003' });

    const [hubPid, ...others] = station.hubPids();
    expect(others).toEqual([]);
    process.kill(hubPid!, 'SIGKILL');

    // The station says what happened, as it happens.
    const restarting = await socket.next(
      (message) => message.type === 'event' && message.name === 'hub.embedded' && (message.payload as { state: string }).state === 'restarting',
    );
    expect(restarting).toMatchObject({ payload: { restarts: 1, lastExit: { signal: 'SIGKILL' } } });
    // A floor event made while the hub is down waits in the outbox.
    const adjusted = await call<{ eventId: string }>(socket, 'stock.adjust', { sku: '300000000001-00001', quantity: 1, reason: '棚卸し' });

    await socket.next((message) => message.type === 'event' && message.name === 'hub.embedded' && (message.payload as { state: string }).state === 'running');
    const status = await call(socket, 'station.status', {});
    expect(status).toMatchObject({ hub: { url: station.hubUrl }, embeddedHub: { state: 'running', restarts: 1, lastExit: { signal: 'SIGKILL' } } });
    const [newPid, ...more] = station.hubPids();
    expect(more).toEqual([]);
    expect(newPid).not.toBe(hubPid);
    // The same address as before: the station's hub credentials stay valid.
    expect((await fetch(new URL('/api/openapi.json', station.hubUrl))).status).toBe(200);

    await waitUntil(async () => (await call(socket, 'station.status', {})).outboxDepth === 0, 'the queued event delivered', 60_000);
    // The hub's own storage layer, read-only use: the receipt says the hub applied the event the station queued.
    const hub = await openHubStore(join(dir, 'hub.sqlite'), { migrate: false });
    try {
      const receipt = await hub.db.selectFrom('station_events').select('outcome').where('event_id', '=', adjusted.eventId).executeTakeFirst();
      expect(receipt?.outcome).toBe('applied');
    } finally {
      await hub.close();
    }
    socket.close();
  }, 120_000);
});

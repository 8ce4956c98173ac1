import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage();
});
afterAll(async () => {
  await station?.close();
});

describe('web mode after its host restarts (web mode, Chromium)', () => {
  it('the open window reconnects with the new launch token, no reload, and signs in', async () => {
    const { page, running } = station;
    const reloads: string[] = [];
    page.on('framenavigated', (frame) => reloads.push(frame.url()));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    // A new launch: the old socket is dropped and its token is no good any more.
    await running.restartHost();
    await signInWithPin(page, 'u-clerk', '1111');
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    expect(reloads).toEqual([]);
    expect(station.pageErrors).toEqual([]);
  });
});

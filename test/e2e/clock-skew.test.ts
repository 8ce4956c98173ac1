import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationPage, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  // The floor PC's clock is 10 minutes behind the hub's.
  station = await openStationPage({ clock: () => new Date(Date.now() - 10 * 60_000) });
});
afterAll(async () => {
  await station?.close();
});

describe('a station clock far off the hub’s (web mode, Chromium)', () => {
  it('is flagged on the status bar in the user’s language', async () => {
    const { page } = station;
    const warning = page.getByTestId('status-clock-skew');
    await warning.filter({ hasText: '端末の時計がハブと 10 分ずれています' }).waitFor();
    await page.getByTestId('language-en').click();
    await warning.filter({ hasText: "This station's clock is 10 min off the hub's" }).waitFor();
    expect(station.pageErrors).toEqual([]);
  });
});

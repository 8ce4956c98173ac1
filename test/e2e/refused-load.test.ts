import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

/**
 * A screen that loads its list from the station must say why when the station refuses, and load again when asked:
 * never spin forever or show an empty list as if there were nothing. The refusal here is a real one: the station
 * has forgotten this window's sign-in (as when its connection dropped), so the real dispatcher answers not-signed-in.
 */
let station: StationPage;
const clientIds = new Set<string>();
beforeAll(async () => {
  station = await openStationPage();
  // Only watches which window (client) calls; every answer is the station's own.
  const { station: running } = station.running;
  const dispatch = running.dispatch.bind(running);
  running.dispatch = (method, input, clientId) => (clientIds.add(clientId), dispatch(method, input, clientId));
  await signInWithPin(station.page, 'u-clerk', '1111');
});
afterAll(async () => {
  await station?.close();
});

describe('a load the station refuses (web mode, Chromium)', () => {
  it('the dock shows the reason in Japanese instead of an empty list, and loads again on retry once signed in', async () => {
    const { page, running } = station;
    expect(clientIds.size).toBe(1);
    const [clientId] = [...clientIds] as [string];
    running.station.disconnectClient(clientId);

    await page.getByTestId('area-receiving').click();
    const refused = page.getByTestId('dock-expected-refused');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('先にサインインしてください。');
    // The same reason reaches the scan banner, in red.
    await page.locator('[data-testid="feedback"][data-kind="bad"]').filter({ hasText: '先にサインインしてください。' }).waitFor();
    expect(await page.getByTestId('bundle-list').count()).toBe(0);
    expect(await page.getByTestId('dock-expected-loading').count()).toBe(0);

    // Signed in again at the station for this window; the button asks again and the list comes.
    const signedIn = await running.station.dispatch('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' }, clientId);
    expect(signedIn.ok).toBe(true);
    await page.getByTestId('dock-expected-retry').click();
    await page.getByTestId('bundle-list').waitFor();
    expect(await refused.count()).toBe(0);
  });

  it('the pick lists say the reason instead of "no lists today", and load on retry', async () => {
    const { page, running } = station;
    await page.getByTestId('sign-out').click();
    await signInWithPin(page, 'u-packer', '2222');
    const clientId = [...clientIds].at(-1)!;
    running.station.disconnectClient(clientId);

    await page.getByTestId('area-picking').click();
    const refused = page.getByTestId('pick-lists-load-refused');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('先にサインインしてください。');
    expect(await page.getByTestId('pick-no-lists').count()).toBe(0);

    const signedIn = await running.station.dispatch('session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' }, clientId);
    expect(signedIn.ok).toBe(true);
    await page.getByTestId('pick-lists-load-retry').click();
    await page.locator('[data-testid="pick-no-lists"], [data-testid="pick-lists"]').first().waitFor();
    expect(await refused.count()).toBe(0);
  });

  it('the end-of-day manifest says the reason instead of "loading" forever, and shows the day on retry', async () => {
    const { page, running } = station;
    const clientId = [...clientIds].at(-1)!;
    await page.keyboard.press('Escape');
    running.station.disconnectClient(clientId);
    await page.getByTestId('area-manifest').click();
    const refused = page.getByTestId('manifest-load-refused');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('先にサインインしてください。');

    const signedIn = await running.station.dispatch('session.signIn', { method: 'pin', userId: 'u-packer', pin: '2222' }, clientId);
    expect(signedIn.ok).toBe(true);
    // The screen asks again every few seconds by itself: the button may be gone before it is pressed.
    await page
      .getByTestId('manifest-load-retry')
      .click({ timeout: 1000 })
      .catch(() => undefined);
    await page.getByTestId('manifest-total').waitFor();
    expect(await refused.count()).toBe(0);
  });
});

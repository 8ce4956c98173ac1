import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { waitUntil } from '../support/wait-until';

let station: StationPage;
beforeEach(async () => {
  station = await openStationPage();
});
afterEach(async () => {
  expect(station.pageErrors).toEqual([]);
  await station.close();
});

describe('sign-in (web mode, Chromium)', () => {
  it('signs a clerk in with name and PIN, and the role decides the menu', async () => {
    const { page } = station;
    await signInWithPin(page, 'u-clerk', '1111');
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('田中 花子');
    const areas = await page.locator('[data-testid^="area-"]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-testid')));
    expect(areas).toEqual(['area-receiving', 'area-inspection', 'area-putaway', 'area-sku-labels', 'area-scan-check']);
  });

  it('refuses a wrong PIN in Japanese and stays signed out', async () => {
    const { page } = station;
    await page.getByTestId('user-u-packer').click();
    await page.getByTestId('pin-input').fill('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sign-in-error').innerText()).resolves.toBe('名前または PIN が違います。');
    expect(await page.getByTestId('menu').count()).toBe(0);
  });

  it('after five wrong PINs says in Japanese that signing in is locked and for how long, the right PIN included', async () => {
    const { page, running } = station;
    const refusals = async () =>
      (await running.hub.store.db.selectFrom('audit_log').select('seq').where('user_id', '=', 'u-packer').where('outcome', '=', 'refused').execute()).length;
    const tryPin = async (pin: string, attempt: number) => {
      await page.getByTestId('pin-input').fill(pin);
      await page.keyboard.press('Enter');
      // The hub's audit log says when this attempt has been answered.
      await waitUntil(async () => (await refusals()) === attempt, `sign-in attempt ${attempt} answered`);
    };
    await page.getByTestId('user-u-packer').click();
    for (let attempt = 1; attempt <= 4; attempt++) await tryPin('0000', attempt);
    await expect(page.getByTestId('sign-in-error').innerText()).resolves.toBe('名前または PIN が違います。');
    await tryPin('0000', 5);
    const locked = 'サインインの失敗が続いたため、一時的にロックされています。30 秒後にもう一度お試しください。';
    await waitUntil(async () => (await page.getByTestId('sign-in-error').innerText()) === locked, 'the lockout message');
    await tryPin('2222', 6);
    await expect(page.getByTestId('sign-in-error').innerText()).resolves.toMatch(/^サインインの失敗が続いたため、一時的にロックされています。\d+ 秒後/);
    expect(await page.getByTestId('menu').count()).toBe(0);
  });

  it('signs in by scanning a badge, with no mouse at all, and signs out', async () => {
    const { page } = station;
    await typeLikeScanner(page, 'BADGE-0003\n');
    await page.getByTestId('menu').waitFor();
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('現場責任者');
    expect(await page.getByTestId('area-daily-counts').count()).toBe(1);
    expect(await page.getByTestId('feedback').getAttribute('data-kind')).toBe('done');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
  });

  it('says an unknown badge is unknown, loudly', async () => {
    const { page } = station;
    await typeLikeScanner(page, 'BADGE-9999\n');
    await expect(page.getByTestId('feedback').innerText()).resolves.toBe('この社員証は登録されていません。');
    expect(await page.getByTestId('feedback').getAttribute('data-kind')).toBe('bad');
  });

  it('signs in by PIN with the hub away someone who signed in here before, and tells a never-seen user why not', async () => {
    const { page } = station;
    await signInWithPin(page, 'u-clerk', '1111');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await station.running.hub.close();
    // The sign-in screen says, before anyone tries, who can still sign in.
    await expect(page.getByTestId('sign-in-offline-hint').innerText()).resolves.toBe(
      'ハブにつながっていません。この端末で以前サインインした人だけが、ハブなしでサインインできます。',
    );

    await signInWithPin(page, 'u-clerk', '1111');
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('田中 花子');
    await expect(page.getByTestId('signed-in-offline').innerText()).resolves.toBe('オフラインでサインイン中');
    await page.getByTestId('sign-out').click();

    // The packer never signed in at this station: the right PIN, a clear answer, still signed out.
    await page.getByTestId('user-u-packer').click();
    await page.getByTestId('pin-input').fill('2222');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sign-in-error').innerText()).resolves.toBe(
      'ハブにつながりません。この端末で以前サインインした人だけが、ハブなしでサインインできます。',
    );
    expect(await page.getByTestId('menu').count()).toBe(0);
  });

  it('is usable by keyboard alone: Tab to a user, Enter, type the PIN, Enter, open an area, Escape back', async () => {
    const { page } = station;
    await page.getByTestId('user-u-packer').waitFor();
    // The first user has focus on arrival; Tab moves through the others to the packer.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^user-/);
    for (let presses = 0; presses < 8; presses++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'user-u-packer') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.type('2222', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.getByTestId('menu').waitFor();
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('佐藤 健');
    // The first area that is ready has focus; Enter opens it.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toMatch(/^area-/);
    await page.keyboard.press('Enter');
    await page.getByTestId('back-to-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('menu').waitFor();
  });
});

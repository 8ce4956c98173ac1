import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefactPath } from '../support/chromium';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage();
});
afterAll(async () => {
  await station?.close();
});

/** i18next shows a missing key as the key itself, e.g. `scan.badReasons.empty`. */
const rawKey = /\b(app|language|roles|areas|signIn|status|scan|symbologies|settings|errors)\.[\w.-]+/;

async function visibleText(): Promise<string> {
  return station.page.locator('body').innerText();
}

async function missingTranslations(): Promise<string | undefined> {
  return station.page.evaluate(() => document.documentElement.dataset.missingTranslations);
}

describe('languages (web mode, Chromium)', () => {
  it('starts in Japanese', async () => {
    expect(await station.page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await visibleText()).toContain('サインイン');
  });

  it('shows every screen in each language with no untranslated key', async () => {
    const { page } = station;
    await signInWithPin(page, 'u-admin', '4444');
    await page.getByTestId('area-scan-check').click();
    await typeLikeScanner(page, ']C0300001289771-00003\n');
    await typeLikeScanner(page, '4901234');
    await page.getByTestId('count-total').filter({ hasText: '2' }).waitFor();
    await page.locator('details.settings summary').click();

    const texts = new Map<string, string>();
    for (const code of ['en', 'zh-CN', 'ko', 'ja']) {
      await page.getByTestId(`language-${code}`).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
      const text = await visibleText();
      expect(text, code).not.toMatch(rawKey);
      texts.set(code, text);
    }
    // Sign-in screen and menu in every language too.
    await page.getByTestId('sign-out').click();
    for (const code of ['en', 'zh-CN', 'ko', 'ja']) {
      await page.getByTestId(`language-${code}`).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
      expect(await visibleText(), code).not.toMatch(rawKey);
    }
    expect(await missingTranslations()).toBeUndefined();
    // Each language really changed the words on screen.
    expect(new Set(texts.values()).size).toBe(4);
    expect(texts.get('en')).toContain('Scan check');
    expect(texts.get('zh-CN')).toContain('扫描检查');
    expect(texts.get('ko')).toContain('스캔 확인');
    expect(texts.get('ja')).toContain('スキャン確認');
  });

  it('never leaves a Japanese message on an English screen, nor a message on the next screen', async () => {
    const { page } = station;
    if (await page.getByTestId('sign-in').isVisible()) await signInWithPin(page, 'u-admin', '4444');
    if (await page.getByTestId('back-to-menu').isVisible()) await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-scan-check').click();
    await typeLikeScanner(page, ']C0300001289771-00003\n');
    await page
      .getByTestId('feedback')
      .filter({ hasText: /[\u3040-\u30ff]/ })
      .waitFor();
    await page.getByTestId('language-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // Either said again in English or gone: never the Japanese sentence under English buttons.
    const banner = page.getByTestId('feedback');
    expect((await banner.allInnerTexts()).join('')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(await page.locator('body').innerText()).not.toMatch(/[\u3040-\u30ff]/);

    await typeLikeScanner(page, ']C0300001289771-00003\n');
    await page.getByTestId('feedback').waitFor();
    // A message answers something done on its screen: the menu does not inherit it.
    await page.getByTestId('back-to-menu').click();
    await page.getByTestId('menu').waitFor();
    expect(await page.getByTestId('feedback').count()).toBe(0);
    await page.getByTestId('language-ja').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
  });

  it('shows scan times in Japan time, 24-hour, whatever zone the browser runs in', async () => {
    const { page } = station;
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    // The point is a browser whose zone is not Tokyo's (our machines run in UTC).
    expect(zone).not.toBe('Asia/Tokyo');
    if (await page.getByTestId('sign-in').isVisible()) await signInWithPin(page, 'u-admin', '4444');
    if (await page.getByTestId('back-to-menu').isVisible()) await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-scan-check').click();
    const before = new Date();
    await typeLikeScanner(page, ']C0300001289771-00003\n');
    const row = page.getByTestId('scan-row').last();
    await row.waitFor();
    const after = new Date();
    const shown = (await row.locator('td').last().innerText()).trim();
    expect(shown).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    // Between the Tokyo wall clock just before and just after the scan (whole seconds, wrapping at Tokyo midnight).
    const tokyo = (at: Date) => new Date(at.getTime() + 9 * 3600_000).toISOString().slice(11, 19);
    const [from, to] = [tokyo(new Date(before.getTime() - 1000)), tokyo(after)];
    expect(from <= to ? shown >= from && shown <= to : shown >= from || shown <= to, `${shown} between ${from} and ${to}`).toBe(true);
  });

  it('shows the manifest day in each language’s convention, stepped a day at a time (not the browser’s 12/07/2026)', async () => {
    const { page } = station;
    if (await page.getByTestId('sign-in').isVisible()) await signInWithPin(page, 'u-admin', '4444');
    if (await page.getByTestId('back-to-menu').isVisible()) await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-manifest').click();
    const day = page.getByTestId('manifest-date');
    await page.getByTestId('manifest-total').waitFor();
    const today = (await day.getAttribute('data-date'))!;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await day.innerText()).toBe(today.replaceAll('-', '/'));
    await page.getByTestId('language-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await day.innerText()).toBe(today);
    await page.getByTestId('language-ko').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await day.innerText()).toBe(`${today.replaceAll('-', '. ')}.`);
    await page.getByTestId('language-ja').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    // The day before, by the Tokyo calendar, and back.
    const before = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('manifest-previous-day').click();
    await page.locator(`[data-testid="manifest-date"][data-date="${before}"]`).waitFor();
    await page
      .getByTestId('manifest-total')
      .filter({ hasText: before.replaceAll('-', '/') })
      .waitFor();
    await page.getByTestId('manifest-next-day').click();
    await page.locator(`[data-testid="manifest-date"][data-date="${today}"]`).waitFor();
  });

  it('keeps the chosen language after a reload', async () => {
    const { page } = station;
    await page.getByTestId('language-ko').click();
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByTestId('language-ja').click();
  });

  it('saves a screenshot of the Japanese scan screen as a test artefact', async () => {
    const { page } = station;
    await page.getByTestId('user-u-clerk').waitFor();
    await signInWithPin(page, 'u-clerk', '1111');
    await page.getByTestId('area-scan-check').click();
    await typeLikeScanner(page, ']C0300001289771-00003\n');
    await typeLikeScanner(page, ']E04901234567894\n');
    await page.getByTestId('count-total').filter({ hasText: '2' }).waitFor();
    const path = artefactPath('scan-check-ja.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await visibleText()).toContain('スキャン確認');
  });
});

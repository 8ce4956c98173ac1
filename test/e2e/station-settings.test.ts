import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage();
  await signInWithPin(station.page, 'u-supervisor', '3333');
});
afterAll(async () => {
  await station?.close();
});

describe('station settings (web mode, Chromium)', () => {
  it('lets a supervisor choose the label printer, refusing a bad one in Japanese', async () => {
    const { page } = station;
    await page.getByTestId('area-station-settings').click();
    await page.getByTestId('printer-kind').selectOption('raw-tcp');
    await page.getByTestId('printer-host').fill('not a host!');
    await page.getByTestId('printer-port').fill('9100');
    await page.getByTestId('printer-save').click();
    await page.getByTestId('feedback').filter({ hasText: '入力内容が正しくありません' }).waitFor();
    await page.getByTestId('printer-host').fill('192.0.2.10');
    await page.getByTestId('printer-save').click();
    await page.getByTestId('feedback').filter({ hasText: '保存しました' }).waitFor();
    expect(JSON.parse(station.running.station.store.setting('printer.labels') ?? '{}')).toMatchObject({ kind: 'raw-tcp', host: '192.0.2.10', port: 9100 });
  });

  it('turns on blind inspection: the inspection screen no longer shows expected counts', async () => {
    const { page } = station;
    await page.getByTestId('blind-toggle').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('area-inspection').click();
    await page.getByTestId('bundle-action-IB00000004').click();
    await page.getByTestId('inspection').waitFor();
    const expectedCells = await page.locator('[data-testid="inspection-lines"] tbody tr td:nth-child(3)').allInnerTexts();
    expect(expectedCells.length).toBeGreaterThan(0);
    expect(new Set(expectedCells)).toEqual(new Set(['—']));
    await expect(page.locator('.hint').first().innerText()).resolves.toContain('ブラインド検品');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scan } from '../../shared/contract/schemas';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { StationSocket } from '../support/station-socket';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage();
  await signInWithPin(station.page, 'u-clerk', '1111');
  await station.page.getByTestId('area-scan-check').click();
  await station.page.getByTestId('scan-check').waitFor();
});
afterAll(async () => {
  await station?.close();
});

/** What the station recorded, read over its own contract by a second (supervisor) connection. */
async function stationScans(): Promise<Scan[]> {
  const client = await StationSocket.open(station.running.url);
  await client.call('session.signIn', { method: 'pin', userId: 'u-supervisor', pin: '3333' });
  const answer = await client.call('scans.recent', { limit: 5000 });
  client.close();
  if (answer.type !== 'result' || !answer.ok) throw new Error(`scans.recent failed: ${JSON.stringify(answer)}`);
  return answer.output as Scan[];
}

async function shownTexts(): Promise<string[]> {
  return station.page.getByTestId('scan-text').allInnerTexts();
}

async function waitForTotal(total: number): Promise<void> {
  await station.page.waitForFunction((n) => document.querySelector('[data-testid="count-total"]')?.textContent === String(n), total, { timeout: 60_000 });
}

describe('keyboard-wedge scanning (web mode, Chromium)', () => {
  it('takes 1,000 scans typed at 5 ms per key, each exactly once and in order', async () => {
    // Eight-character codes keep the run near 90 s; the detector's work does not depend on length.
    const codes = Array.from({ length: 1000 }, (_, i) => `49${String(i).padStart(6, '0')}`);
    await station.page.keyboard.type(codes.map((code) => `${code}\n`).join(''), { delay: 5 });
    await waitForTotal(1000);
    // The screen shows the newest 200, newest first, and counts them all.
    expect((await shownTexts()).reverse()).toEqual(codes.slice(-200));
    expect(await station.page.getByTestId('count-bad').innerText()).toBe('0');
    const recorded = await stationScans();
    expect(recorded.map((scan) => scan.text)).toEqual(codes);
    expect(recorded.map((scan) => scan.seq)).toEqual(codes.map((_, i) => i + 1));
  });

  it('takes a scan typed while the focus is in a text field, and leaves the field as the person left it', async () => {
    const { page } = station;
    const note = page.getByTestId('note-input');
    await note.focus();
    await page.keyboard.type('棚', { delay: 150 });
    await page.keyboard.type('A-12', { delay: 150 });
    await typeLikeScanner(page, ']C0SKU-300001289771-00003\n');
    await waitForTotal(1001);
    expect(await note.inputValue()).toBe('棚A-12');
    await expect(page.getByTestId('scan-text').first().innerText()).resolves.toBe('SKU-300001289771-00003');
    await expect(page.getByTestId('scan-row').first().innerText()).resolves.toContain('Code 128');
    // Still focused and still typeable.
    await page.keyboard.type('b', { delay: 150 });
    expect(await note.inputValue()).toBe('棚A-12b');
  });

  it('reports a garbled scan and a cut-off scan as bad scans, loudly, instead of swallowing them', async () => {
    const { page } = station;
    await page.keyboard.type('ABC', { delay: 5 });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('DEF\n', { delay: 5 });
    await waitForTotal(1002);
    await expect(page.getByTestId('scan-row').first().innerText()).resolves.toContain('制御文字が含まれています');
    expect(await page.getByTestId('feedback').getAttribute('data-kind')).toBe('bad');

    await page.keyboard.type('4901234', { delay: 5 });
    await waitForTotal(1003);
    await expect(page.getByTestId('scan-row').first().innerText()).resolves.toContain('読み取りが途中で切れました');
    expect(await page.getByTestId('count-bad').innerText()).toBe('2');
    const recorded = await stationScans();
    expect(recorded.slice(-2).map((scan) => [scan.verdict, scan.badReason])).toEqual([
      ['bad', 'control-characters'],
      ['bad', 'unfinished'],
    ]);
  });

  it('keeps slow typing in the field and out of the scan log', async () => {
    const { page } = station;
    const note = page.getByTestId('note-input');
    await note.fill('');
    await note.focus();
    await page.keyboard.type('12345678', { delay: 130 });
    await page.keyboard.press('Enter');
    // Keys are judged in the order typed: once a scan typed after them is on screen, the slow ones were judged too.
    await typeLikeScanner(page, '49999999\n');
    await waitForTotal(1004);
    expect(await note.inputValue()).toBe('12345678');
    expect(await shownTexts().then((texts) => texts[0])).toBe('49999999');
    const recorded = await stationScans();
    expect(recorded.at(-1)?.text).toBe('49999999');
    expect(recorded.map((scan) => scan.text)).not.toContain('12345678');
  });
});

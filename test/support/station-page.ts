import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startWebStation, type RunningWebStation } from './web-station';

export interface StationPage {
  page: Page;
  running: RunningWebStation;
  /** Errors the page threw: a test fails on any. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A station in web mode with Debian's Chromium showing it, as a floor PC would in a browser. */
export async function openStationPage(options: { wedgeSettings?: Record<string, number>; clock?: () => Date } = {}): Promise<StationPage> {
  const running = await startWebStation({ clock: options.clock });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  if (options.wedgeSettings) {
    // Stored before the app starts, as the scanner-settings form would store them.
    await page.addInitScript((settings) => localStorage.setItem('qwms.wedgeSettings', JSON.stringify(settings)), options.wedgeSettings);
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(running.url);
  // The user list arrives over the station socket: once it shows, the app is listening for keys.
  await page.getByTestId('user-u-clerk').waitFor();
  return {
    page,
    running,
    pageErrors,
    async close() {
      await browser.close();
      await running.stop();
    },
  };
}

export async function signInWithPin(page: Page, userId: string, pin: string): Promise<void> {
  await page.getByTestId(`user-${userId}`).click();
  await page.getByTestId('pin-input').fill(pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('menu').waitFor();
}

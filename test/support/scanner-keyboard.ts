import type { Page } from 'playwright-core';

const shiftedUs = '~!@#$%^&*()_+{}|:"<>?';
const needsShift = (char: string) => /[A-Z]/.test(char) || shiftedUs.includes(char);

/**
 * Types as a barcode scanner in US-keyboard mode does: Shift held for capitals and shifted symbols (Playwright's own
 * `type` sends 'B' without Shift, which no scanner does), one key every `delayMs`.
 */
export async function typeLikeScanner(page: Page, text: string, delayMs = 5): Promise<void> {
  if (![...text].some(needsShift)) {
    await page.keyboard.type(text, { delay: delayMs });
    return;
  }
  for (const char of text) {
    if (needsShift(char)) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(char, { delay: 0 });
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press(char === '\n' ? 'Enter' : char, { delay: 0 });
    }
    await page.waitForTimeout(delayMs);
  }
}

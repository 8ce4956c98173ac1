import type { Page } from 'playwright-core';

const shiftedUs = '~!@#$%^&*()_+{}|:"<>?';
const needsShift = (char: string) => /[A-Z]/.test(char) || shiftedUs.includes(char);

/**
 * Types as a barcode scanner in US-keyboard mode does: Shift held for capitals and shifted symbols (Playwright's own
 * `type` sends 'B' without Shift, which no scanner does), one key every `delayMs`.
 */
export async function typeLikeScanner(page: Page, text: string, delayMs = 5): Promise<void> {
  for (const run of text.match(/([A-Z~!@#$%^&*()_+{}|:"<>?]+|[^A-Z~!@#$%^&*()_+{}|:"<>?]+)/g) ?? []) {
    const shifted = needsShift(run[0] as string);
    if (shifted) await page.keyboard.down('Shift');
    await page.keyboard.type(run, { delay: delayMs });
    if (shifted) await page.keyboard.up('Shift');
  }
}

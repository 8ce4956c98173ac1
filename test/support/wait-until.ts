import type { Page } from 'playwright-core';

/** Polls until the condition holds (the hub applying a station's events happens in the background), or fails naming it. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The last feedback the station gave (good, bad or done), as the colour frame shows it. */
export function feedbackKind(page: Page): Promise<string | null> {
  return page.getByTestId('feedback').getAttribute('data-kind');
}

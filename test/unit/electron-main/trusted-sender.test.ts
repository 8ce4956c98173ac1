import { describe, expect, it } from 'vitest';
import { isTrustedSender, senderRefusal } from '../../../electron/main/ipc/trusted-sender';

describe('isTrustedSender', () => {
  it('trusts our page in the top frame', () => {
    expect(isTrustedSender({ isTopFrame: true, url: 'app://station/' })).toBe(true);
    expect(isTrustedSender({ isTopFrame: true, url: 'app://station/index.html?lang=ja#/receiving' })).toBe(true);
  });

  it('refuses our own page when it runs in a subframe', () => {
    expect(senderRefusal({ isTopFrame: false, url: 'app://station/' })).toMatch(/top frame/);
  });

  it('refuses a frame that is already gone', () => {
    expect(senderRefusal({ isTopFrame: true, url: null })).toMatch(/no longer exists/);
    expect(senderRefusal({ isTopFrame: false, url: null })).toMatch(/no longer exists/);
  });

  it.each([
    'app://evil/',
    'app://station.evil/',
    'app://evil.station/',
    'app://user@station/',
    'app://station:8080/',
    'http://station/',
    'https://station/',
    'file:///work/main/dist/renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<script>qwmsStation.invoke()</script>',
    '',
    'not a url',
  ])('refuses a top frame on %s', (url) => {
    expect(isTrustedSender({ isTopFrame: true, url })).toBe(false);
  });

  it('names the refused URL in the reason, cut short', () => {
    const reason = senderRefusal({ isTopFrame: true, url: `https://example.com/${'x'.repeat(500)}` });
    expect(reason).toContain('https://example.com/');
    expect(reason!.length).toBeLessThan(300);
  });
});

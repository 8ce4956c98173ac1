import { describe, expect, it } from 'vitest';
import { checkScanText, maxScanLength } from '../../../shared/scanning/scan-text';

describe('checkScanText', () => {
  it('accepts printable codes, Japanese text and the GS1 group separator', () => {
    expect(checkScanText('300001289771-00003')).toBeNull();
    expect(checkScanText('東京都千代田区')).toBeNull();
    expect(checkScanText('0104912345678904\u001d10ABC')).toBeNull();
  });

  it('refuses control characters, empty and over-long scans with their reason', () => {
    expect(checkScanText('ABC\u0001DEF')).toBe('control-characters');
    expect(checkScanText('ABC\u007f')).toBe('control-characters');
    expect(checkScanText('')).toBe('empty');
    expect(checkScanText('9'.repeat(maxScanLength + 1))).toBe('too-long');
  });
});

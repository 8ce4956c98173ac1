import { describe, expect, it } from 'vitest';
import { splitAim } from '../../../shared/scanning/aim';

describe('splitAim', () => {
  it('strips a Code 128 AIM prefix and names the symbology', () => {
    expect(splitAim(']C0300001289771-00003')).toEqual({ aim: ']C0', symbology: 'code128', data: '300001289771-00003' });
  });

  it('recognises EAN-13 (JAN), QR and Codabar', () => {
    expect(splitAim(']E04901234567894').symbology).toBe('ean-upc');
    expect(splitAim(']Q1https://example.jp').symbology).toBe('qr');
    expect(splitAim(']F0A123456789012A')).toMatchObject({ symbology: 'codabar', data: 'A123456789012A' });
  });

  it('leaves data without a prefix untouched', () => {
    expect(splitAim('300001289771-00003')).toEqual({ aim: null, symbology: 'unknown', data: '300001289771-00003' });
  });

  it('keeps an unknown AIM letter as an AIM id of unknown symbology', () => {
    expect(splitAim(']y0abc')).toEqual({ aim: ']y0', symbology: 'unknown', data: 'abc' });
  });

  it('does not take a lone bracket for a prefix', () => {
    expect(splitAim(']')).toEqual({ aim: null, symbology: 'unknown', data: ']' });
  });
});

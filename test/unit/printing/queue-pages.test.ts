import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offersPage, pageName, parsePageSizes } from '../../../electron/station/printing/queue-pages';

// `LC_ALL=C lpoptions -p <queue> -l` captured on Debian 12's CUPS for a cups-pdf queue and for queues on CUPS's own
// sample label drivers (drv:///sample.drv/zebra.ppd, dymo.ppd).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/lpoptions-l-${name}.txt`, import.meta.url), 'utf8');

describe('the page sizes a CUPS queue offers', () => {
  it('reads the PageSize line, the default without its star', () => {
    const cupsPdf = parsePageSizes(fixture('cups-pdf'))!;
    expect(cupsPdf).toContain('A4');
    expect(cupsPdf).toContain('Custom.WIDTHxHEIGHT');
    expect(cupsPdf.some((size) => size.startsWith('*'))).toBe(false);
    expect(parsePageSizes(fixture('dymo'))).toEqual([
      'w81h252',
      'w101h252',
      'w54h144',
      'w162h225',
      'w162h288',
      'w162h540',
      'w162h504',
      'w41h248',
      'w41h144',
      'w153h198',
    ]);
    expect(parsePageSizes('Resolution/Resolution: *203dpi 300dpi\n')).toBeNull();
  });

  it('a queue that takes custom sizes prints every kind; a DYMO roll has neither A4 nor 100 × 150 mm nor 50 × 30 mm', () => {
    for (const name of ['cups-pdf', 'zebra']) {
      const sizes = parsePageSizes(fixture(name))!;
      for (const media of ['A4', 'Custom.50x30mm', 'Custom.100x150mm']) expect(offersPage(sizes, media), `${name} ${media}`).toBe(true);
    }
    const dymo = parsePageSizes(fixture('dymo'))!;
    for (const media of ['A4', 'Custom.50x30mm', 'Custom.100x150mm']) expect(offersPage(dymo, media), media).toBe(false);
  });

  it('matches a named size of the same dimensions in points, either way round', () => {
    // 100 × 150 mm is 283.5 × 425.2 pt; 50 × 30 mm is 141.7 × 85.0 pt.
    expect(offersPage(['w283h425'], 'Custom.100x150mm')).toBe(true);
    expect(offersPage(['w425h283'], 'Custom.100x150mm')).toBe(true);
    expect(offersPage(['w142h85'], 'Custom.50x30mm')).toBe(true);
    expect(offersPage(['w288h432'], 'Custom.100x150mm')).toBe(false);
    expect(offersPage(['A4.Fullbleed'], 'A4')).toBe(true);
    expect(offersPage(['Letter'], 'A4')).toBe(false);
  });

  it('names a page as people say it', () => {
    expect(pageName('Custom.100x150mm')).toBe('100 × 150 mm');
    expect(pageName('A4')).toBe('A4');
  });
});

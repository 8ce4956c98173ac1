import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLpstat } from '../../../electron/station/printing/cups-queues';

// Captured on the build machine with LC_ALL=C (as the station runs lpstat): a cups-pdf queue (idle, the system
// default) and a raw socket queue disabled with cupsdisable/cupsreject; then with the default gone; then with none.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('the CUPS queue list (lpstat -e, lpstat -p -d)', () => {
  it('lists every queue with its state and the default destination', () => {
    expect(parseLpstat(fixture('lpstat-e.txt'), fixture('lpstat-p-d.txt'))).toEqual([
      { name: 'qwms-cap-pdf', state: 'idle', isDefault: true },
      { name: 'qwms-cap-raw', state: 'disabled', isDefault: false },
    ]);
  });

  it('has no default when the system has none, and does not take the "Rejecting Jobs" line for a queue', () => {
    expect(parseLpstat(fixture('lpstat-e-one.txt'), fixture('lpstat-p-d-no-default.txt'))).toEqual([
      { name: 'qwms-cap-raw', state: 'disabled', isDefault: false },
    ]);
  });

  it('is empty when CUPS has no queues ("No destinations added")', () => {
    expect(parseLpstat(fixture('lpstat-e-none.txt'), fixture('lpstat-p-d-none.txt'))).toEqual([]);
  });

  it('keeps a destination lpstat -p does not describe (a class or remote queue), its state unknown', () => {
    expect(parseLpstat('office-class\n', 'no system default destination\n')).toEqual([{ name: 'office-class', state: 'unknown', isDefault: false }]);
  });
});

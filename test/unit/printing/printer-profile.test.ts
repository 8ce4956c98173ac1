import { describe, expect, it } from 'vitest';
import { defaultPrinterProfiles, printerProfileSchema } from '../../../electron/station/printing/printer-profile';

describe('printer profiles', () => {
  it('fill in the raw port 9100, PDF and the 50 × 30 mm roll when not given', () => {
    expect(printerProfileSchema.parse({ id: 'zebra-1', name: 'Zebra ZD421', kind: 'raw-tcp', host: '192.0.2.10' })).toEqual({
      id: 'zebra-1',
      name: 'Zebra ZD421',
      kind: 'raw-tcp',
      host: '192.0.2.10',
      port: 9100,
      format: 'pdf',
      media: 'roll-50x30',
    });
    expect(printerProfileSchema.parse({ id: 'office', name: 'Office', kind: 'cups', queue: 'Brother_HL', media: 'a4-3x8' })).toMatchObject({
      server: null,
      format: 'pdf',
      media: 'a4-3x8',
    });
  });

  it('start a station with a valid default', () => {
    for (const profile of Object.values(defaultPrinterProfiles)) expect(printerProfileSchema.parse(profile)).toEqual(profile);
  });

  it('refuse what cannot print: ZPL on A4 sheets, queue names lp would misread, a port out of range, a host that is not one', () => {
    expect(printerProfileSchema.safeParse({ id: 'z', name: 'Z', kind: 'raw-tcp', host: 'zebra', format: 'zpl', media: 'a4-4x10' }).success).toBe(false);
    expect(printerProfileSchema.safeParse({ id: 'c', name: 'C', kind: 'cups', queue: 'two words' }).success).toBe(false);
    expect(printerProfileSchema.safeParse({ id: 'c', name: 'C', kind: 'cups', queue: '-oraw' }).success).toBe(false);
    expect(printerProfileSchema.safeParse({ id: 'z', name: 'Z', kind: 'raw-tcp', host: 'zebra', port: 70000 }).success).toBe(false);
    expect(printerProfileSchema.safeParse({ id: 'z', name: 'Z', kind: 'raw-tcp', host: 'zebra; rm -rf /' }).success).toBe(false);
  });
});

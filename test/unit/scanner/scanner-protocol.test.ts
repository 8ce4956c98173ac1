import { describe, expect, it } from 'vitest';
import { chooseScannerProtocol } from '../../../electron/station/scanner/scanner-protocol';
import { scannerDeviceId, toScannerDevice } from '../../../electron/station/scanner/scanner-device';

describe('choosing the report layout from what the OS lists', () => {
  it('reads Honeywell bar-code-scanner interfaces (usage page 0x8C) as HID-POS', () => {
    expect(chooseScannerProtocol({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02 })).toBe('honeywell-hidpos');
  });

  it('does not assume the Honeywell layout for another vendor in HID-POS mode', () => {
    expect(chooseScannerProtocol({ vendorId: 0x1eab, productId: 0x1d10, usagePage: 0x8c, usage: 0x02 })).toBeNull();
  });

  it('reads Zebra product 0x1900 as SNAPI, whatever interface it lists', () => {
    expect(chooseScannerProtocol({ vendorId: 0x05e0, productId: 0x1900, usagePage: 0xff00, usage: 0x01 })).toBe('zebra-snapi');
  });

  it('reads keyboard interfaces of known scanner vendors as boot keyboards', () => {
    expect(chooseScannerProtocol({ vendorId: 0x05e0, productId: 0x1200, usagePage: 0x01, usage: 0x06 })).toBe('keyboard-boot');
    expect(chooseScannerProtocol({ vendorId: 0x0c2e, productId: 0x0b01, usagePage: 0x01, usage: 0x06 })).toBe('keyboard-boot');
  });

  it('leaves ordinary keyboards and other devices alone', () => {
    expect(chooseScannerProtocol({ vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06 })).toBeNull();
    expect(chooseScannerProtocol({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x01, usage: 0x02 })).toBeNull();
    expect(chooseScannerProtocol({ vendorId: 0x0c2e, productId: 0x0b61 })).toBeNull();
  });
});

describe('scanner device identity', () => {
  const info = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw3', product: 'Voyager 1602g', manufacturer: '' };

  it('is the same for the same interface and differs between two identical scanners', () => {
    expect(scannerDeviceId(info)).toBe(scannerDeviceId({ ...info }));
    expect(scannerDeviceId(info)).not.toBe(scannerDeviceId({ ...info, path: '/dev/hidraw4' }));
  });

  it('describes the device for the station contract, an empty string descriptor as null', () => {
    expect(toScannerDevice(info, 'honeywell-hidpos')).toEqual({
      id: scannerDeviceId(info),
      vendorId: 0x0c2e,
      productId: 0x0b61,
      product: 'Voyager 1602g',
      manufacturer: null,
      protocol: 'honeywell-hidpos',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { loadNodeHidBackend } from '../../../electron/station/scanner/node-hid-backend';
import { createHidScannerService } from '../../../electron/station/scanner/hid-scanner-service';

// The real node-hid on this machine. No scanner is attached here, so these tests check that the native
// module loads, enumerates and can be started and stopped, not that it reads scans.
describe('node-hid backend', () => {
  it('lists the HID devices of this machine', async () => {
    const backend = await loadNodeHidBackend();
    const devices = await backend.devices();

    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) {
      expect(device).toEqual(expect.objectContaining({ vendorId: expect.any(Number), productId: expect.any(Number) }));
    }
  });

  it('is what the service uses by default: it starts available and stops cleanly', async () => {
    const logged: string[] = [];
    const service = createHidScannerService({
      onScan: () => {},
      onConnected: () => {},
      onDisconnected: () => {},
      log: (message) => logged.push(message),
    });

    await service.start();
    expect(service.available).toBe(true);
    expect(service.unavailableReason).toBeNull();
    expect(Array.isArray(service.devices())).toBe(true);

    await service.stop();
    expect(service.devices()).toEqual([]);
    expect(logged.filter((line) => /failed|could not/.test(line))).toEqual([]);
  });
});

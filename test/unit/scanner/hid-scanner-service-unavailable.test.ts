import { describe, expect, it, vi } from 'vitest';

// node-hid failing to load (no prebuilt binary for this platform, libusb missing) is simulated at the module
// that loads it; the service must report it, not throw.
vi.mock('../../../electron/station/scanner/node-hid-backend', () => ({
  loadNodeHidBackend: () => Promise.reject(new Error('No native build was found for platform=linux arch=riscv64')),
}));

const { createHidScannerService } = await import('../../../electron/station/scanner/hid-scanner-service');

describe('HID scanner service without node-hid', () => {
  it('starts without throwing, unavailable, with the reason', async () => {
    const logged: string[] = [];
    const service = createHidScannerService({
      onScan: () => {},
      onConnected: () => {},
      onDisconnected: () => {},
      log: (message) => logged.push(message),
    });

    await expect(service.start()).resolves.toBeUndefined();

    expect(service.available).toBe(false);
    expect(service.unavailableReason).toMatch(/No native build was found/);
    expect(logged.join('\n')).toMatch(/No native build was found/);
    expect(service.devices()).toEqual([]);
    await expect(service.stop()).resolves.toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannerDevice } from '../../../shared/contract/schemas';
import { createHidScannerService, type HidScan, type HidScannerService } from '../../../electron/station/scanner/hid-scanner-service';
import { FakeHidBackend } from './fake-hid-backend';
import { bytesOf, snapiReports, typeKeys } from './report-encoders';

const capture = JSON.parse(readFileSync(new URL('../../fixtures/hid/honeywell-hidpos-revinf.json', import.meta.url), 'utf8')) as {
  messages: { reports: number[][]; text?: string }[];
};
const revinf = capture.messages[0]!;

const voyager = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw3',
  product: 'Voyager 1602g',
  manufacturer: 'Honeywell',
  usagePage: 0x8c,
  usage: 0x02,
};
const zebraSnapi = { vendorId: 0x05e0, productId: 0x1900, path: '/dev/hidraw5', product: 'Symbol Bar Code Scanner', usagePage: 0xff00, usage: 0x01 };
const zebraKeyboard = { vendorId: 0x05e0, productId: 0x1200, path: '/dev/hidraw6', usagePage: 0x01, usage: 0x06 };
const officeKeyboard = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', usagePage: 0x01, usage: 0x06 };

const pollMs = 5;
const running: HidScannerService[] = [];

function startService(backend: FakeHidBackend, keyboardLayout: 'us' | 'jis' = 'us') {
  const scans: HidScan[] = [];
  const connected: ScannerDevice[] = [];
  const disconnected: ScannerDevice[] = [];
  const logged: string[] = [];
  const service = createHidScannerService({
    backend,
    pollMs,
    keyboardLayout,
    onScan: (scan) => scans.push(scan),
    onConnected: (device) => connected.push(device),
    onDisconnected: (device) => disconnected.push(device),
    log: (message) => logged.push(message),
  });
  running.push(service);
  return { service, scans, connected, disconnected, logged, started: service.start() };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
  vi.useRealTimers();
});

describe('HID scanner service', () => {
  it('opens and announces a scanner that is plugged in at start, and leaves other devices closed', async () => {
    const backend = new FakeHidBackend();
    backend.plug(officeKeyboard);
    backend.plug(voyager);

    const { service, connected, started } = startService(backend);
    await started;

    expect(service.available).toBe(true);
    expect(service.unavailableReason).toBeNull();
    expect(connected).toEqual([expect.objectContaining({ vendorId: 0x0c2e, productId: 0x0b61, product: 'Voyager 1602g', protocol: 'honeywell-hidpos' })]);
    expect(service.devices()).toEqual(connected);
    expect(backend.handles.map((handle) => handle.path)).toEqual([voyager.path]);
  });

  it('delivers a scan decoded from the real capture bytes, with the device id', async () => {
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    const { scans, connected, started } = startService(backend);
    await started;

    for (const report of revinf.reports) backend.handle(voyager.path)!.send(report);

    expect(scans).toEqual([{ deviceId: connected[0]!.id, aim: ']X0', symbology: 'other', data: revinf.text }]);
  });

  it('notices a scanner plugged in later', async () => {
    const backend = new FakeHidBackend();
    const { connected, started } = startService(backend);
    await started;
    expect(connected).toEqual([]);

    backend.plug(voyager);

    await vi.waitFor(() => expect(connected).toHaveLength(1));
  });

  it('announces an unplugged scanner, closes its handle, and connects it again when it comes back', async () => {
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    const { service, scans, connected, disconnected, started } = startService(backend);
    await started;
    const firstHandle = backend.handle(voyager.path)!;

    backend.unplug(voyager.path);
    await vi.waitFor(() => expect(disconnected).toHaveLength(1));
    expect(disconnected[0]).toEqual(connected[0]);
    expect(firstHandle.closed).toBe(true);
    expect(service.devices()).toEqual([]);

    backend.plug(voyager);
    await vi.waitFor(() => expect(connected).toHaveLength(2));
    expect(service.devices()).toHaveLength(1);

    // Scans flow from the new handle; the old one is no longer listened to.
    firstHandle.send(revinf.reports.at(-1)!);
    for (const report of revinf.reports) backend.handle(voyager.path)!.send(report);
    expect(scans.map((scan) => scan.data)).toEqual([revinf.text]);
  });

  it('treats a read error (yanked while open) as a disconnect, and reopens the device if it is still listed', async () => {
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    const { connected, disconnected, logged, started } = startService(backend);
    await started;

    backend.handle(voyager.path)!.fail('could not read from HID device');

    await vi.waitFor(() => expect(disconnected).toHaveLength(1));
    expect(logged.join('\n')).toMatch(/could not read from HID device/);
    await vi.waitFor(() => expect(connected).toHaveLength(2));
  });

  it('writes the SNAPI ack for every scan packet back to the scanner', async () => {
    const backend = new FakeHidBackend();
    backend.plug(zebraSnapi);
    const { scans, started } = startService(backend);
    await started;
    const handle = backend.handle(zebraSnapi.path)!;
    const reports = snapiReports(0x0b, bytesOf('4901234567894'));

    for (const report of reports) handle.send(report);

    await vi.waitFor(() => expect(handle.written).toEqual(reports.map(() => [0x01, 0x22, 0x01])));
    expect(scans).toEqual([expect.objectContaining({ aim: null, symbology: 'ean-upc', data: '4901234567894' })]);
  });

  it('decodes keyboard-mode scanners with the configured layout', async () => {
    const backend = new FakeHidBackend();
    backend.plug(zebraKeyboard);
    const { scans, started } = startService(backend, 'jis');
    await started;

    // The '@' key of a JIS keyboard (usage 0x2F), then Enter.
    for (const report of typeKeys([0x2f, 0x28])) backend.handle(zebraKeyboard.path)!.send(report);

    expect(scans.map((scan) => scan.data)).toEqual(['@']);
  });

  it('logs a device that cannot be opened once, retries it, and connects when it can', async () => {
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    backend.refuseOpen(voyager.path, 'permission denied');
    const open = vi.spyOn(backend, 'open');
    const { connected, logged, started } = startService(backend);
    await started;
    // The signal that polls went by: the service has tried to open it again and again.
    await vi.waitFor(() => expect(open.mock.calls.length).toBeGreaterThanOrEqual(4));

    expect(connected).toEqual([]);
    expect(logged.filter((line) => line.includes('permission denied'))).toHaveLength(1);

    backend.allowOpen(voyager.path);
    await vi.waitFor(() => expect(connected).toHaveLength(1));
  });

  it('keeps polling when listing devices fails', async () => {
    const backend = new FakeHidBackend();
    const listing = vi.spyOn(backend, 'devices').mockRejectedValueOnce(new Error('hid enumeration failed'));
    const { connected, logged, started } = startService(backend);
    await started;
    expect(logged.join('\n')).toMatch(/hid enumeration failed/);

    backend.plug(voyager);
    await vi.waitFor(() => expect(connected).toHaveLength(1));
    expect(listing.mock.calls.length).toBeGreaterThan(1);
  });

  it('survives a throwing onScan handler and keeps decoding', async () => {
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    const logged: string[] = [];
    let calls = 0;
    const service = createHidScannerService({
      backend,
      pollMs,
      onScan: () => {
        calls += 1;
        throw new Error('renderer gone');
      },
      onConnected: () => {},
      onDisconnected: () => {},
      log: (message) => logged.push(message),
    });
    running.push(service);
    await service.start();

    for (const report of [...revinf.reports, ...revinf.reports]) backend.handle(voyager.path)!.send(report);

    expect(calls).toBe(2);
    expect(logged.join('\n')).toMatch(/renderer gone/);
  });

  it('stop() during start, while a scanner is still opening, leaves nothing open and nothing announced', async () => {
    // The poll runs on a fake clock: "no poll after stop" is then no timer left, not a wait that proves nothing.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    let finishOpening = (): void => {};
    const opening = new Promise<void>((resolve) => (finishOpening = resolve));
    const realOpen = backend.open.bind(backend);
    const open = vi.spyOn(backend, 'open').mockImplementation(async (path) => {
      await opening;
      return realOpen(path);
    });
    const { service, connected, started } = startService(backend);
    await vi.waitFor(() => expect(open).toHaveBeenCalled());

    const stopped = service.stop();
    finishOpening();
    await Promise.all([started, stopped]);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(pollMs * 6);

    expect(connected).toEqual([]);
    expect(service.devices()).toEqual([]);
    expect(backend.handles.every((handle) => handle.closed)).toBe(true);
  });

  it('stops polling and closes every scanner on stop', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const backend = new FakeHidBackend();
    backend.plug(voyager);
    backend.plug(zebraSnapi);
    const { service, connected, disconnected, started } = startService(backend);
    await started;

    await service.stop();

    expect(disconnected).toHaveLength(2);
    expect(backend.handles.every((handle) => handle.closed)).toBe(true);
    expect(service.devices()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    backend.plug(zebraKeyboard);
    await vi.advanceTimersByTimeAsync(pollMs * 6);
    expect(connected).toHaveLength(2);
  });
});

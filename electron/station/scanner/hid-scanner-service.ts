import type { ScannerDevice } from '../../../shared/contract/schemas';
import type { Symbology } from '../../../shared/scanning/aim';
import { createReportDecoder } from './create-report-decoder';
import type { DecodeStep } from './decode-step';
import type { HidBackend, HidDeviceHandle, HidDeviceInfo } from './hid-backend';
import type { KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';
import { chooseScannerProtocol } from './scanner-protocol';
import { toScannerDevice } from './scanner-device';

export interface HidScan {
  deviceId: string;
  aim: string | null;
  symbology: Symbology;
  data: string;
}

export interface HidScannerServiceOptions {
  /** Default: node-hid, loaded on start(); if it cannot load, the service is unavailable (with the reason), not broken. */
  backend?: HidBackend;
  /** node-hid has no plug events, so the device list is polled this often (ms). */
  pollMs?: number;
  /** The keyboard layout scanners in keyboard mode are set to. */
  keyboardLayout?: KeyboardLayout;
  onScan(scan: HidScan): void;
  onConnected(device: ScannerDevice): void;
  onDisconnected(device: ScannerDevice): void;
  log?(message: string): void;
}

export interface HidScannerService {
  start(): Promise<void>;
  stop(): Promise<void>;
  devices(): ScannerDevice[];
  /** False until start() has loaded the backend, and for good when it could not. */
  readonly available: boolean;
  readonly unavailableReason: string | null;
}

export const defaultPollMs = 1500;

interface OpenScanner {
  device: ScannerDevice;
  handle: HidDeviceHandle;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHidScannerService(options: HidScannerServiceOptions): HidScannerService {
  const pollMs = options.pollMs ?? defaultPollMs;
  const keyboardLayout = options.keyboardLayout ?? 'us';
  const log = (message: string): void => options.log?.(`hid scanners: ${message}`);

  let backend: HidBackend | null = options.backend ?? null;
  let available = false;
  let unavailableReason: string | null = null;
  let running = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let polling: Promise<void> | null = null;
  const open = new Map<string, OpenScanner>();
  // Why each listed device last failed to open: a device that keeps failing (no permission) is logged once, not every poll.
  const openFailures = new Map<string, string>();

  /** A throwing callback must not stop the decoding of later reports or the polling. */
  function notify<T>(callback: (value: T) => void, value: T, what: string): void {
    try {
      callback(value);
    } catch (error) {
      log(`${what} handler failed: ${messageOf(error)}`);
    }
  }

  async function loadBackend(): Promise<HidBackend | null> {
    if (backend) return backend;
    try {
      const { loadNodeHidBackend } = await import('./node-hid-backend');
      backend = await loadNodeHidBackend();
      return backend;
    } catch (error) {
      unavailableReason = `node-hid could not be loaded: ${messageOf(error)}`;
      log(unavailableReason);
      return null;
    }
  }

  function deliver(scanner: OpenScanner, step: DecodeStep): void {
    // Acks first: the scanner waits for them before it sends anything else.
    for (const ack of step.acks) {
      scanner.handle.write(ack).catch((error: unknown) => log(`could not acknowledge a scan on ${scanner.device.id}: ${messageOf(error)}`));
    }
    for (const problem of step.problems) log(`${scanner.device.id}: ${problem}`);
    for (const scan of step.scans) notify(options.onScan, { deviceId: scanner.device.id, ...scan }, 'scan');
  }

  async function disconnect(id: string, reason: string): Promise<void> {
    const scanner = open.get(id);
    if (!scanner) return;
    open.delete(id);
    log(`${id} disconnected (${reason})`);
    try {
      await scanner.handle.close();
    } catch (error) {
      // Closing a handle whose device is already gone can fail; the handle is abandoned either way.
      log(`closing ${id} failed: ${messageOf(error)}`);
    }
    notify(options.onDisconnected, scanner.device, 'disconnect');
  }

  async function connect(hid: HidBackend, path: string, device: ScannerDevice): Promise<void> {
    let handle: HidDeviceHandle;
    try {
      handle = await hid.open(path);
    } catch (error) {
      const message = messageOf(error);
      if (openFailures.get(device.id) !== message) log(`could not open ${device.id}, will retry: ${message}`);
      openFailures.set(device.id, message);
      return;
    }
    openFailures.delete(device.id);
    if (!running) {
      // stop() was called while the device was opening.
      await handle.close().catch(() => {});
      return;
    }
    const scanner: OpenScanner = { device, handle };
    const decoder = createReportDecoder(device.protocol, keyboardLayout);
    const isCurrent = (): boolean => open.get(device.id) === scanner;
    open.set(device.id, scanner);
    handle.on('error', (error) => {
      if (isCurrent()) void disconnect(device.id, `read failed: ${messageOf(error)}`);
    });
    handle.on('data', (report) => {
      if (isCurrent()) deliver(scanner, decoder.push(report));
    });
    log(`${device.id} connected as ${device.protocol}`);
    notify(options.onConnected, device, 'connect');
  }

  async function refresh(hid: HidBackend): Promise<void> {
    let listed: HidDeviceInfo[];
    try {
      listed = await hid.devices();
    } catch (error) {
      log(`listing HID devices failed: ${messageOf(error)}`);
      return;
    }
    const present = new Set<string>();
    for (const info of listed) {
      // stop() closes everything itself; a refresh it interrupted must neither open nor announce anything more.
      if (!running) return;
      const protocol = chooseScannerProtocol(info);
      const path = info.path;
      if (!protocol || !path) continue;
      const device = toScannerDevice({ ...info, path }, protocol);
      present.add(device.id);
      if (!open.has(device.id)) await connect(hid, path, device);
    }
    if (!running) return;
    for (const id of [...open.keys()]) {
      if (!present.has(id)) await disconnect(id, 'unplugged');
    }
    for (const id of [...openFailures.keys()]) {
      if (!present.has(id)) openFailures.delete(id);
    }
  }

  /** One refresh at a time: a slow device listing must not let two polls open the same device twice. */
  function poll(hid: HidBackend): Promise<void> {
    polling ??= refresh(hid).finally(() => {
      polling = null;
    });
    return polling;
  }

  return {
    async start() {
      if (running) return;
      running = true;
      const hid = await loadBackend();
      if (!hid) {
        running = false;
        return;
      }
      if (!running) return; // stopped while node-hid was loading
      available = true;
      unavailableReason = null;
      await poll(hid);
      if (!running) return; // stopped during the first poll
      timer = setInterval(() => void poll(hid), pollMs);
      // The poll alone must not keep a process alive that has nothing else to do.
      timer.unref?.();
    },

    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      timer = null;
      await polling;
      for (const id of [...open.keys()]) await disconnect(id, 'scanner service stopped');
      openFailures.clear();
    },

    devices: () => [...open.values()].map((scanner) => scanner.device),

    get available() {
      return available;
    },

    get unavailableReason() {
      return unavailableReason;
    },
  };
}

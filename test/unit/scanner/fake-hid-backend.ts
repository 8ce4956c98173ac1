import { EventEmitter } from 'node:events';
import type { HidBackend, HidDeviceHandle, HidDeviceInfo } from '../../../electron/station/scanner/hid-backend';

/** A fake device at the HID boundary: tests plug it, unplug it and make it send report bytes. */
export class FakeHidHandle extends EventEmitter implements HidDeviceHandle {
  readonly written: number[][] = [];
  closed = false;

  constructor(readonly path: string) {
    super();
  }

  async write(report: number[]): Promise<number> {
    this.written.push([...report]);
    return report.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** An input report as node-hid delivers it: a Buffer, report id first. */
  send(report: readonly number[]): void {
    this.emit('data', Buffer.from(report));
  }

  /** What node-hid does when the device vanishes under an open handle. */
  fail(message = 'could not read from HID device'): void {
    this.emit('error', new Error(message));
  }
}

export class FakeHidBackend implements HidBackend {
  private listed: HidDeviceInfo[] = [];
  private readonly refusing = new Map<string, string>();
  readonly handles: FakeHidHandle[] = [];

  plug(info: HidDeviceInfo): void {
    this.listed.push(info);
  }

  unplug(path: string): void {
    this.listed = this.listed.filter((info) => info.path !== path);
  }

  /** Opening this path fails (e.g. no permission) until allowed again. */
  refuseOpen(path: string, message: string): void {
    this.refusing.set(path, message);
  }

  allowOpen(path: string): void {
    this.refusing.delete(path);
  }

  /** The most recently opened, still open handle for a path. */
  handle(path: string): FakeHidHandle | undefined {
    return this.handles.filter((handle) => handle.path === path && !handle.closed).at(-1);
  }

  async devices(): Promise<HidDeviceInfo[]> {
    return this.listed.map((info) => ({ ...info }));
  }

  async open(path: string): Promise<FakeHidHandle> {
    const refusal = this.refusing.get(path);
    if (refusal) throw new Error(refusal);
    const handle = new FakeHidHandle(path);
    this.handles.push(handle);
    return handle;
  }
}

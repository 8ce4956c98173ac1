/**
 * The device boundary of the scanner service: what it needs from a HID library and nothing more. node-hid
 * satisfies it as is (see node-hid-backend.ts); tests put a fake device here and feed it real report bytes.
 */

/** One HID interface as the OS lists it (node-hid's `Device` has the same fields). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** OS path to open the interface with; devices listed without one cannot be opened. */
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  /** Top-level collection usage page and usage, read from the report descriptor (0x8C = bar code scanner). */
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** An open interface: input reports arrive as 'data' (report id first), a failed read (unplugged) as 'error'. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(report: number[]): Promise<unknown>;
  close(): Promise<unknown>;
}

export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceHandle>;
}

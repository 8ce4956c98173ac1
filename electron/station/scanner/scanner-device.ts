import type { ScannerDevice } from '../../../shared/contract/schemas';
import type { HidDeviceInfo } from './hid-backend';
import type { ScannerProtocol } from './scanner-protocol';

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/**
 * The same interface keeps the same id while it stays plugged in the same port, so a device that is still
 * listed is recognised as already open and scans can be traced to it. The path tells two identical scanners apart.
 */
export function scannerDeviceId(info: HidDeviceInfo & { path: string }): string {
  return `hid:${hex4(info.vendorId)}:${hex4(info.productId)}:${info.path}`;
}

function textOrNull(value: string | undefined): string | null {
  // hidapi reports a missing string descriptor as an empty string.
  return value ? value : null;
}

export function toScannerDevice(info: HidDeviceInfo & { path: string }, protocol: ScannerProtocol): ScannerDevice {
  return {
    id: scannerDeviceId(info),
    vendorId: info.vendorId,
    productId: info.productId,
    product: textOrNull(info.product),
    manufacturer: textOrNull(info.manufacturer),
    protocol,
  };
}

import type { ScannerDevice } from '../../../shared/contract/schemas';
import type { HidDeviceInfo } from './hid-backend';

export type ScannerProtocol = ScannerDevice['protocol'];

const honeywellVendorId = 0x0c2e;
const zebraVendorId = 0x05e0;
const zebraSnapiProductId = 0x1900;
const barCodeScannerUsagePage = 0x8c;
const genericDesktopUsagePage = 0x01;
const keyboardUsage = 0x06;

/**
 * Vendors whose keyboard interfaces we read as scanners. Ordinary keyboards are never opened: their typing
 * must stay typing. 0x0C2E Honeywell (Metrologic), 0x0536 Hand Held Products (Honeywell), 0x05E0 Zebra (Symbol),
 * 0x05F9 Datalogic, 0x1EAB Newland.
 */
const scannerVendorIds: ReadonlySet<number> = new Set([honeywellVendorId, 0x0536, zebraVendorId, 0x05f9, 0x1eab]);

/**
 * Which report layout a HID interface speaks, from what the OS says about it (vendor, product, usage page),
 * never from the bytes it sends: other vendors' HID-POS reports look alike but put their fields elsewhere.
 * Null means the interface is not a scanner we decode.
 */
export function chooseScannerProtocol(info: HidDeviceInfo): ScannerProtocol | null {
  if (info.vendorId === honeywellVendorId && info.usagePage === barCodeScannerUsagePage) return 'honeywell-hidpos';
  if (info.vendorId === zebraVendorId && info.productId === zebraSnapiProductId) return 'zebra-snapi';
  if (info.usagePage === genericDesktopUsagePage && info.usage === keyboardUsage && scannerVendorIds.has(info.vendorId)) {
    return 'keyboard-boot';
  }
  return null;
}

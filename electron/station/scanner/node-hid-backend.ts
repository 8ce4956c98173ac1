import type { HidBackend } from './hid-backend';

/**
 * The only place node-hid is imported. It is loaded on demand so that a missing or broken native build makes
 * the scanner service report itself unavailable instead of failing the station at import time.
 */
export async function loadNodeHidBackend(): Promise<HidBackend> {
  const hid = await import('node-hid');
  // node-hid loads its native binding on first use; do it now so a broken build fails here, with its reason.
  hid.getHidapiVersion();
  return {
    devices: () => hid.devicesAsync(),
    // HIDAsync is an EventEmitter with 'data' and 'error' events and promise-returning write and close:
    // it already is a HidDeviceHandle.
    open: (path) => hid.HIDAsync.open(path),
  };
}

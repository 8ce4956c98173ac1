import type { HandlerSlice } from '../contract-host/dispatcher';
import type { ScanRecorder } from './scan-recorder';

/** Scans typed by a keyboard-wedge reader into the window, and the latest scans from any reader. */
export function scansHandlers(scans: ScanRecorder): HandlerSlice<'scans.submitWedge' | 'scans.recent'> {
  return {
    'scans.submitWedge': (input) => scans.record({ source: 'wedge', deviceId: null, aim: null, raw: input.raw, unfinished: input.unfinished }),
    'scans.recent': (input) => scans.latest(input.limit),
  };
}

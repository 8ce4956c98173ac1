import type { ReportDecoder } from './decode-step';
import { createHoneywellHidPosDecoder } from './honeywell-hidpos-decoder';
import type { KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';
import { createKeyboardBootDecoder } from './keyboard-boot-decoder';
import type { ScannerProtocol } from './scanner-protocol';
import { createZebraSnapiDecoder } from './zebra-snapi-decoder';

export function createReportDecoder(protocol: ScannerProtocol, keyboardLayout: KeyboardLayout): ReportDecoder {
  switch (protocol) {
    case 'honeywell-hidpos':
      return createHoneywellHidPosDecoder();
    case 'zebra-snapi':
      return createZebraSnapiDecoder();
    case 'keyboard-boot':
      return createKeyboardBootDecoder(keyboardLayout);
  }
}

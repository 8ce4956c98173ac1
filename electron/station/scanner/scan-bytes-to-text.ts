import { TextDecoder } from 'node:util';

/**
 * HID-POS and SNAPI deliver the barcode's bytes, not text, and a barcode does not say how its bytes are encoded.
 * Labels in a Japanese warehouse carry ASCII, UTF-8 (newer QR codes) or Shift_JIS (QR byte mode as most Japanese
 * encoders write it), so try them in that order: valid UTF-8 is almost never Shift_JIS by accident, and Latin-1
 * accepts any byte, so nothing is ever lost.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const shiftJis = createOptionalDecoder('shift_jis');

function createOptionalDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    // A Node built without full ICU has no Shift_JIS decoder; Latin-1 still keeps every byte.
    return null;
  }
}

function tryDecode(decoder: TextDecoder | null, bytes: Uint8Array): string | null {
  if (!decoder) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function scanBytesToText(bytes: Uint8Array): string {
  return tryDecode(utf8, bytes) ?? tryDecode(shiftJis, bytes) ?? Buffer.from(bytes).toString('latin1');
}

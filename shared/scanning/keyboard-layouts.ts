/**
 * Characters a barcode scanner in keyboard mode produces, per physical key. Keys are named by
 * `KeyboardEvent.code`, which the UI Events spec derives from USB HID usages, so the same table serves the
 * renderer's keyboard-wedge detector (which reads `.code`) and the station's HID keyboard-boot decoder (which reads
 * usage ids through `codeByUsage`). Reading physical keys is what lets a scanner set to US layout work on a PC whose
 * OS layout is Japanese (JIS).
 */
export type KeyboardLayout = 'us' | 'jis';

/** [unshifted, shifted]; '' where the layout produces nothing printable. */
type KeyChars = readonly [string, string];

const letters = Object.fromEntries(
  Array.from({ length: 26 }, (_, i) => {
    const lower = String.fromCharCode(97 + i);
    return [`Key${lower.toUpperCase()}`, [lower, lower.toUpperCase()] as KeyChars];
  }),
);

const numpad: Record<string, KeyChars> = {
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Numpad${i}`, [String(i), String(i)] as KeyChars])),
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  Space: [' ', ' '],
};

/** Shifted characters of Digit0…Digit9, in that order. */
function digits(shifted: readonly string[]): Record<string, KeyChars> {
  return Object.fromEntries(shifted.map((char, i) => [`Digit${i}`, [String(i), char] as KeyChars]));
}

export const keyboardLayouts: Record<KeyboardLayout, Readonly<Record<string, KeyChars>>> = {
  us: {
    ...letters,
    ...numpad,
    ...digits([')', '!', '@', '#', '$', '%', '^', '&', '*', '(']),
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Backquote: ['`', '~'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
  },
  jis: {
    ...letters,
    ...numpad,
    // Shift+0 gives nothing on JIS.
    ...digits(['', '!', '"', '#', '$', '%', '&', "'", '(', ')']),
    Minus: ['-', '='],
    Equal: ['^', '~'],
    BracketLeft: ['@', '`'],
    BracketRight: ['[', '{'],
    Backslash: [']', '}'],
    Semicolon: [';', '+'],
    Quote: [':', '*'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
    IntlRo: ['\\', '_'],
    IntlYen: ['¥', '|'],
  },
};

/** HID keyboard usage id → `KeyboardEvent.code`, for the keys a scanner types. */
export const codeByUsage: Readonly<Record<number, string>> = {
  ...Object.fromEntries(Array.from({ length: 26 }, (_, i) => [0x04 + i, `Key${String.fromCharCode(65 + i)}`])),
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [0x1e + i, `Digit${i + 1}`])),
  0x27: 'Digit0',
  0x28: 'Enter',
  0x2b: 'Tab',
  0x2c: 'Space',
  0x2d: 'Minus',
  0x2e: 'Equal',
  0x2f: 'BracketLeft',
  0x30: 'BracketRight',
  0x31: 'Backslash',
  0x32: 'Backslash', // UI Events names both the US \\ key (0x31) and the non-US # key (0x32, JIS ] }) 'Backslash'
  0x33: 'Semicolon',
  0x34: 'Quote',
  0x35: 'Backquote',
  0x36: 'Comma',
  0x37: 'Period',
  0x38: 'Slash',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [0x59 + i, `Numpad${i + 1}`])),
  0x62: 'Numpad0',
  0x63: 'NumpadDecimal',
  0x54: 'NumpadDivide',
  0x55: 'NumpadMultiply',
  0x56: 'NumpadSubtract',
  0x57: 'NumpadAdd',
  0x58: 'NumpadEnter',
  0x87: 'IntlRo',
  0x89: 'IntlYen',
};

export const scanEndCodes: ReadonlySet<string> = new Set(['Enter', 'NumpadEnter', 'Tab']);

/** The character a key gives in a layout, or null when it gives none (a modifier, an arrow, Shift+0 on JIS). */
export function charForKey(layout: KeyboardLayout, code: string, shift: boolean): string | null {
  const table = keyboardLayouts[layout];
  // Own keys only: a key code such as "valueOf" must not find Object.prototype's.
  if (!Object.prototype.hasOwnProperty.call(table, code)) return null;
  const chars = table[code];
  if (!chars) return null;
  const char = shift ? chars[1] : chars[0];
  return char === '' ? null : char;
}

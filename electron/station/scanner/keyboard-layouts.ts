/**
 * What a keyboard usage id types, per keyboard layout. A scanner in keyboard mode turns each character into
 * the key that types it on the layout it is configured for, so the table must match the scanner's setting
 * (not the PC's). Null means the key types nothing (JIS Shift+0, the 半角/全角 IME key).
 */
export type KeyboardLayout = 'us' | 'jis';

export interface KeyCharacters {
  plain: string | null;
  shifted: string | null;
}

export type KeyTable = ReadonlyMap<number, KeyCharacters>;

const letterA = 0x04;
const digitOne = 0x1e;
const keypadSlash = 0x54;

function keysShared(): Map<number, KeyCharacters> {
  const keys = new Map<number, KeyCharacters>();
  for (let i = 0; i < 26; i += 1) {
    const letter = String.fromCharCode(0x61 + i);
    keys.set(letterA + i, { plain: letter, shifted: letter.toUpperCase() });
  }
  keys.set(0x2c, { plain: ' ', shifted: ' ' });
  keys.set(0x36, { plain: ',', shifted: '<' });
  keys.set(0x37, { plain: '.', shifted: '>' });
  keys.set(0x38, { plain: '/', shifted: '?' });
  // Some scanners type digits on the numeric keypad (assuming Num Lock on); the keypad is the same on every layout.
  [...'/*-+'].forEach((character, i) => keys.set(keypadSlash + i, { plain: character, shifted: character }));
  [...'1234567890.'].forEach((character, i) => keys.set(0x59 + i, { plain: character, shifted: character }));
  return keys;
}

function withDigits(keys: Map<number, KeyCharacters>, shiftedDigits: readonly (string | null)[]): void {
  [...'1234567890'].forEach((digit, i) => keys.set(digitOne + i, { plain: digit, shifted: shiftedDigits[i] ?? null }));
}

function usTable(): KeyTable {
  const keys = keysShared();
  withDigits(keys, [...'!@#$%^&*()']);
  keys.set(0x2d, { plain: '-', shifted: '_' });
  keys.set(0x2e, { plain: '=', shifted: '+' });
  keys.set(0x2f, { plain: '[', shifted: '{' });
  keys.set(0x30, { plain: ']', shifted: '}' });
  keys.set(0x31, { plain: '\\', shifted: '|' });
  keys.set(0x32, { plain: '\\', shifted: '|' });
  keys.set(0x33, { plain: ';', shifted: ':' });
  keys.set(0x34, { plain: "'", shifted: '"' });
  keys.set(0x35, { plain: '`', shifted: '~' });
  return keys;
}

function jisTable(): KeyTable {
  const keys = keysShared();
  withDigits(keys, ['!', '"', '#', '$', '%', '&', "'", '(', ')', null]);
  keys.set(0x2d, { plain: '-', shifted: '=' });
  keys.set(0x2e, { plain: '^', shifted: '~' });
  keys.set(0x2f, { plain: '@', shifted: '`' });
  keys.set(0x30, { plain: '[', shifted: '{' });
  keys.set(0x31, { plain: ']', shifted: '}' });
  keys.set(0x32, { plain: ']', shifted: '}' });
  keys.set(0x33, { plain: ';', shifted: '+' });
  keys.set(0x34, { plain: ':', shifted: '*' });
  keys.set(0x35, { plain: null, shifted: null }); // 半角/全角 toggles the IME, types nothing
  keys.set(0x87, { plain: '\\', shifted: '_' }); // International1, the ろ key
  keys.set(0x89, { plain: '¥', shifted: '|' }); // International3, the ¥ key
  return keys;
}

export const keyTables: Readonly<Record<KeyboardLayout, KeyTable>> = { us: usTable(), jis: jisTable() };

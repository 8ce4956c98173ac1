import { describe, expect, it } from 'vitest';
import { charForKey, codeByUsage } from '../../../shared/scanning/keyboard-layouts';

describe('keyboard layouts', () => {
  it('gives letters, digits and - . / the same on US and JIS', () => {
    for (const [code, shift] of [
      ['KeyA', false],
      ['KeyZ', true],
      ['Digit7', false],
      ['Minus', false],
      ['Period', false],
      ['Slash', false],
    ] as const) {
      expect(charForKey('jis', code, shift)).toBe(charForKey('us', code, shift));
    }
  });

  it('differs where the JIS table says it does', () => {
    expect(charForKey('us', 'Digit2', true)).toBe('@');
    expect(charForKey('jis', 'Digit2', true)).toBe('"');
    expect(charForKey('us', 'Equal', true)).toBe('+');
    expect(charForKey('jis', 'Equal', true)).toBe('~');
    expect(charForKey('us', 'Semicolon', true)).toBe(':');
    expect(charForKey('jis', 'Semicolon', true)).toBe('+');
    expect(charForKey('jis', 'BracketLeft', false)).toBe('@');
    expect(charForKey('jis', 'Digit0', true)).toBeNull();
    expect(charForKey('jis', 'IntlRo', true)).toBe('_');
  });

  it('maps HID usages to the code names the renderer sees', () => {
    expect(codeByUsage[0x04]).toBe('KeyA');
    expect(codeByUsage[0x27]).toBe('Digit0');
    expect(codeByUsage[0x1e]).toBe('Digit1');
    expect(codeByUsage[0x28]).toBe('Enter');
    expect(codeByUsage[0x87]).toBe('IntlRo');
  });

  it('gives nothing for keys that type nothing', () => {
    expect(charForKey('us', 'ShiftLeft', false)).toBeNull();
    expect(charForKey('us', 'ArrowUp', false)).toBeNull();
    // Found by the wedge fuzz test: a key code named like an Object method is no key.
    expect(charForKey('us', 'valueOf', false)).toBeNull();
    expect(charForKey('jis', 'constructor', true)).toBeNull();
  });
});

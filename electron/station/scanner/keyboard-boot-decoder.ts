import { splitAim } from '../../../shared/scanning/aim';
import { asBytes, byteAt, emptyStep, hex, maxAssembledBytes, type DecodeStep, type ReportDecoder } from './decode-step';
import { charForKey, codeByUsage, type KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';

/*
 * Boot keyboard report: [0] modifier bits, [1] reserved, [2..7] up to six usage ids of the keys held now.
 * A report lists keys that are *held*, so a character is typed when its usage appears, not while it stays.
 */
const reportLength = 8;
const firstUsageOffset = 2;
const ctrlBits = 0x01 | 0x10;
const shiftBits = 0x02 | 0x20;
const errorRollOver = 0x01;
const enter = 0x28;
const tab = 0x2b;
const keypadEnter = 0x58;
const endOfScanKeys = new Set([enter, tab, keypadEnter]);

/** Ctrl+@..Ctrl+_ type the C0 control characters; scanners send GS1's field separator (GS, 0x1D) as Ctrl+]. */
function withCtrl(character: string): string | null {
  const code = character.toUpperCase().charCodeAt(0);
  return code >= 0x40 && code <= 0x5f ? String.fromCharCode(code & 0x1f) : null;
}

export function createKeyboardBootDecoder(layout: KeyboardLayout = 'us'): ReportDecoder {
  let held = new Set<number>();
  let typed = '';
  let overflowed = false;

  function keyDown(usage: number, modifiers: number, step: DecodeStep): void {
    if (endOfScanKeys.has(usage)) {
      if (overflowed) step.problems.push(`dropped a keyboard scan longer than ${maxAssembledBytes} characters`);
      // An end key with nothing typed is a scanner sending a bare suffix, not a scan.
      else if (typed.length > 0) step.scans.push(splitAim(typed));
      typed = '';
      overflowed = false;
      return;
    }
    // The renderer's wedge detector reads the same table, keyed by KeyboardEvent.code.
    const code = codeByUsage[usage];
    const character = code === undefined ? null : charForKey(layout, code, (modifiers & shiftBits) !== 0);
    const output = character !== null && modifiers & ctrlBits ? withCtrl(character) : character;
    if (output === null) {
      const shift = modifiers & shiftBits ? 'Shift+' : '';
      step.problems.push(`key ${shift}${hex(usage)} types nothing on the ${layout.toUpperCase()} layout; a character of this scan is lost`);
      return;
    }
    if (overflowed) return;
    typed += output;
    if (typed.length > maxAssembledBytes) {
      overflowed = true;
      typed = '';
    }
  }

  return {
    push(input) {
      const report = asBytes(input);
      const step = emptyStep();
      if (report.length !== reportLength) {
        step.problems.push(`ignored a ${report.length}-byte report: a boot keyboard report has ${reportLength}`);
        return step;
      }
      const usages = [...report.subarray(firstUsageOffset)].filter((usage) => usage !== 0);
      // Too many keys at once: the report lists ErrorRollOver instead of keys and says nothing about what is held.
      if (usages.includes(errorRollOver)) return step;
      const modifiers = byteAt(report, 0);
      for (const usage of usages) {
        if (!held.has(usage)) keyDown(usage, modifiers, step);
      }
      held = new Set(usages);
      return step;
    },
  };
}

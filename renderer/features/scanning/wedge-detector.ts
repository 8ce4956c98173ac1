import { charForKey, scanEndCodes, type KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';

export interface WedgeSettings {
  /** A longer pause between two keys ends a burst. Scanners type every 1–20 ms, and a busy PC can hold a key back
   * now and then; people rarely type two keys within 100 ms, so what they type stays out of a scanner's burst. */
  maxGapMs: number;
  /** Half of a scan's key gaps are at most this long (people manage 80 ms or more). A median, not an average, so
   * one held-back key does not turn a scan into typing. */
  maxMedianGapMs: number;
  /** Fewer characters than this, even typed fast, are a person (key rollover), not a scan. */
  minLength: number;
  /** A fast burst that stops this long without Enter/Tab was cut off: reported as a bad scan. */
  unfinishedAfterMs: number;
  /** The keyboard layout the scanner is set to (most are shipped set to US). */
  layout: KeyboardLayout;
}

export const defaultWedgeSettings: WedgeSettings = {
  maxGapMs: 100,
  maxMedianGapMs: 30,
  minLength: 4,
  unfinishedAfterMs: 250,
  layout: 'us',
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface KeyInput {
  code: string;
  shiftKey: boolean;
  /** Any of Ctrl/Alt/Meta: a shortcut, never part of a scan. */
  withCommandModifier: boolean;
  /** `KeyboardEvent.timeStamp`: when the key happened, not when we got round to it. */
  timeStamp: number;
}

export type KeyVerdict =
  /** Let the key do what it normally does. */
  | { kind: 'pass' }
  /** A control key inside a burst: kept as its control character (so the scan is judged garbled), and swallowed so
   * Ctrl+W or the like does nothing to the window. */
  | { kind: 'swallow' }
  /** The key ended a scan: swallow it (an Enter must not submit a form) and take the scan. */
  | { kind: 'scan'; raw: string; startedAt: number; broken?: boolean }
  /** The key started a new burst right after a fast burst that never ended: that one was cut off. */
  | { kind: 'unfinished-then-pass'; raw: string; startedAt: number };

const modifierCodes = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight']);

/** What a scanner means by Ctrl+key: ASCII control characters (Ctrl+A = 0x01 … Ctrl+] = 0x1D, the GS1 separator). */
function controlCharFor(code: string): string {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return String.fromCharCode(letter.charCodeAt(0) - 64);
  const punctuation = new Map([
    ['BracketLeft', 0x1b],
    ['Backslash', 0x1c],
    ['BracketRight', 0x1d],
  ]);
  return String.fromCharCode(punctuation.get(code) ?? 0x1a);
}

/**
 * Tells scanner bursts from typing by timing and length alone (no DOM here, so it is unit-tested directly). It never
 * holds keys back: typed characters reach the focused field as usual, and the caller removes a burst's characters
 * from the field once the burst turns out to be a scan.
 */
export class WedgeDetector {
  private buffer = '';
  /** When each character of the buffer was typed. */
  private times: number[] = [];
  private startedAt = 0;
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The current burst began right after a scanner's burst broke off: it is the rest of a code, not a code. */
  private broken = false;

  constructor(private settings: WedgeSettings = defaultWedgeSettings) {}

  configure(settings: WedgeSettings): void {
    this.settings = settings;
    this.reset();
  }

  /** The burst as a scan, or null when it is too short or too slow (`until`: the time of the key that ends it). */
  scanPart(until = this.lastAt): { raw: string; startedAt: number } | null {
    if (this.buffer.length < this.settings.minLength) return null;
    const times = until === this.lastAt ? this.times : [...this.times, until];
    const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
    if (gaps.length > 0 && median(gaps) > this.settings.maxMedianGapMs) return null;
    return { raw: this.buffer, startedAt: this.startedAt };
  }

  /** True while the burst so far is long and fast enough to be a scan. */
  isScan(until = this.lastAt): boolean {
    return this.scanPart(until) !== null;
  }

  get pendingSince(): number {
    return this.startedAt;
  }

  key(input: KeyInput): KeyVerdict {
    if (modifierCodes.has(input.code)) return { kind: 'pass' };
    const fast = input.timeStamp - this.lastAt <= this.settings.maxGapMs;

    if (scanEndCodes.has(input.code)) {
      const scan = fast ? this.scanPart(input.timeStamp) : null;
      const broken = this.broken;
      this.reset();
      if (!scan) return { kind: 'pass' };
      return broken ? { kind: 'scan', ...scan, broken: true } : { kind: 'scan', ...scan };
    }

    if (input.withCommandModifier) {
      if (!fast || this.buffer.length === 0) return this.interrupt();
      this.buffer += controlCharFor(input.code);
      this.times.push(input.timeStamp);
      this.lastAt = input.timeStamp;
      return { kind: 'swallow' };
    }
    const char = charForKey(this.settings.layout, input.code, input.shiftKey);
    if (char === null) {
      // Arrows, Backspace, shortcuts: a person is at the keyboard.
      return this.interrupt();
    }
    if (fast && this.buffer.length > 0) {
      this.buffer += char;
      this.times.push(input.timeStamp);
      this.lastAt = input.timeStamp;
      return { kind: 'pass' };
    }
    const brokeOff = this.brokeOff(input.timeStamp);
    const cutOff = this.interrupt();
    this.buffer = char;
    this.times = [input.timeStamp];
    this.startedAt = input.timeStamp;
    this.lastAt = input.timeStamp;
    this.broken = brokeOff;
    return cutOff;
  }

  /**
   * Whether the burst now ending was a scanner's that stopped short: a fast run of keys followed soon by more. What
   * comes next is then the tail of that code (a busy PC held a key back); taking the tail as a code of its own would
   * accept a wrong code, so it is reported as broken instead. A single key cannot be told from a person's.
   */
  private brokeOff(now: number): boolean {
    if (this.buffer.length < 2 || now - this.lastAt > this.settings.unfinishedAfterMs) return false;
    const gaps = this.times.slice(1).map((time, i) => time - (this.times[i] as number));
    return median(gaps) <= this.settings.maxMedianGapMs;
  }

  /** Called from a timer: a scan-length burst that has gone quiet without its end key is cut off. */
  flush(now: number): KeyVerdict {
    if (this.buffer.length === 0 || now - this.lastAt < this.settings.unfinishedAfterMs) return { kind: 'pass' };
    return this.interrupt();
  }

  private interrupt(): KeyVerdict {
    const scan = this.scanPart();
    this.reset();
    return scan ? { kind: 'unfinished-then-pass', ...scan } : { kind: 'pass' };
  }

  private reset(): void {
    this.buffer = '';
    this.times = [];
    this.lastAt = Number.NEGATIVE_INFINITY;
    this.broken = false;
  }
}

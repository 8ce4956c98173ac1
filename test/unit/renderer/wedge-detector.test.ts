import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWedgeSettings, WedgeDetector, type KeyVerdict } from '../../../renderer/features/scanning/wedge-detector';

interface Key {
  code: string;
  shift?: boolean;
  ctrl?: boolean;
}

/** US-layout keys for a text, as a scanner in US mode presses them. */
function keysFor(text: string): Key[] {
  const shifted: Record<string, string> = { _: 'Minus', '+': 'Equal', ':': 'Semicolon', '@': 'Digit2', '"': 'Quote' };
  return [...text].map((char) => {
    if (/[a-z]/.test(char)) return { code: `Key${char.toUpperCase()}` };
    if (/[A-Z]/.test(char)) return { code: `Key${char}`, shift: true };
    if (/[0-9]/.test(char)) return { code: `Digit${char}` };
    if (char in shifted) return { code: shifted[char] as string, shift: true };
    const plain: Record<string, string> = { '-': 'Minus', '.': 'Period', '/': 'Slash', ']': 'BracketRight', ' ': 'Space' };
    return { code: plain[char] as string };
  });
}

/** Feeds keys at the given gaps; returns every verdict that was not a plain pass. */
function feed(detector: WedgeDetector, keys: Key[], gapsMs: number[] | number, start = 1000): { verdicts: KeyVerdict[]; end: number } {
  const verdicts: KeyVerdict[] = [];
  let time = start;
  keys.forEach((key, index) => {
    time += typeof gapsMs === 'number' ? gapsMs : (gapsMs[index] ?? 0);
    const verdict = detector.key({ code: key.code, shiftKey: !!key.shift, withCommandModifier: !!key.ctrl, timeStamp: time });
    if (verdict.kind !== 'pass') verdicts.push(verdict);
  });
  return { verdicts, end: time };
}

const enter: Key = { code: 'Enter' };

describe('WedgeDetector', () => {
  it('takes a fast burst ended by Enter as a scan, with shifted characters from the physical keys', () => {
    const { verdicts } = feed(new WedgeDetector(), [...keysFor(']C0SKU-300001289771_A'), enter], 8);
    expect(verdicts).toEqual([{ kind: 'scan', raw: ']C0SKU-300001289771_A', startedAt: 1008 }]);
  });

  it('ends a scan on Tab as well', () => {
    const { verdicts } = feed(new WedgeDetector(), [...keysFor('4901234567894'), { code: 'Tab' }], 5);
    expect(verdicts).toMatchObject([{ kind: 'scan', raw: '4901234567894' }]);
  });

  it('leaves a person typing alone, even a fast typist', () => {
    const detector = new WedgeDetector();
    expect(feed(detector, [...keysFor('hello world'), enter], 120).verdicts).toEqual([]);
    expect(feed(detector, [...keysFor('order'), enter], [0, 60, 45, 70, 55, 50]).verdicts).toEqual([]);
  });

  it('does not take three fast keys (key rollover) for a scan', () => {
    expect(feed(new WedgeDetector(), [...keysFor('abc'), enter], 5).verdicts).toEqual([]);
  });

  it('survives a key held back 90 ms inside a scan (a busy PC), judging by the median gap', () => {
    const gaps = [0, 8, 8, 90, 8, 8, 8, 8, 8, 8, 8, 8, 8];
    expect(feed(new WedgeDetector(), [...keysFor('300001289771'), enter], gaps).verdicts).toMatchObject([{ kind: 'scan', raw: '300001289771' }]);
  });

  it('reports a fast burst that never got its Enter as unfinished when the next burst starts', () => {
    const detector = new WedgeDetector();
    const first = feed(detector, keysFor('30000128'), 6);
    const second = feed(detector, [...keysFor('4901234567894'), enter], [500, ...Array(13).fill(6)], first.end);
    expect(second.verdicts).toEqual([
      { kind: 'unfinished-then-pass', raw: '30000128', startedAt: 1006 },
      { kind: 'scan', raw: '4901234567894', startedAt: first.end + 500 },
    ]);
  });

  it('reports an unfinished burst from the timer, and only once it has gone quiet', () => {
    const detector = new WedgeDetector();
    const { end } = feed(detector, keysFor('30000128'), 6);
    expect(detector.flush(end + 10)).toEqual({ kind: 'pass' });
    expect(detector.flush(end + defaultWedgeSettings.unfinishedAfterMs)).toMatchObject({ kind: 'unfinished-then-pass', raw: '30000128' });
    expect(detector.flush(end + 1000)).toEqual({ kind: 'pass' });
  });

  it('keeps Ctrl+letter inside a burst as a control character and swallows it', () => {
    const keys = [...keysFor('ABC'), { code: 'KeyA', ctrl: true }, ...keysFor('DEF'), enter];
    const { verdicts } = feed(new WedgeDetector(), keys, 5);
    expect(verdicts).toEqual([{ kind: 'swallow' }, { kind: 'scan', raw: 'ABC\u0001DEF', startedAt: 1005 }]);
  });

  it('does not count Shift presses as gaps that break a burst', () => {
    const detector = new WedgeDetector();
    let time = 0;
    const verdicts: KeyVerdict[] = [];
    for (const key of [...keysFor('ABCD'), enter]) {
      if (key.shift) detector.key({ code: 'ShiftLeft', shiftKey: true, withCommandModifier: false, timeStamp: (time += 3) });
      verdicts.push(detector.key({ code: key.code, shiftKey: !!key.shift, withCommandModifier: false, timeStamp: (time += 3) }));
    }
    expect(verdicts.at(-1)).toMatchObject({ kind: 'scan', raw: 'ABCD' });
  });

  it('never takes the tail of a code for a code when a key of it was held back', () => {
    const detector = new WedgeDetector();
    const first = feed(detector, [...keysFor('49000699'), enter], 8);
    // The PC holds the rest of the next code back for 150 ms after its first three keys.
    const second = feed(detector, [...keysFor('49000700'), enter], [8, 8, 8, 150, 8, 8, 8, 8, 8], first.end);
    expect(second.verdicts).toMatchObject([{ kind: 'scan', raw: '00700', broken: true }]);
    // A person's key a while before a scan does not spoil the scan.
    const third = feed(detector, [...keysFor('x4901234567894'), enter], [2000, 150, ...Array(13).fill(7)], second.end);
    expect(third.verdicts).toEqual([{ kind: 'scan', raw: '4901234567894', startedAt: second.end + 2150 }]);
  });

  it('reads a JIS-layout scanner through the JIS table', () => {
    const detector = new WedgeDetector({ ...defaultWedgeSettings, layout: 'jis' });
    // On JIS, Shift+2 is " and the key right of P (BracketLeft) is @.
    const keys: Key[] = [{ code: 'KeyA' }, { code: 'BracketLeft' }, { code: 'KeyB' }, { code: 'Digit2', shift: true }, { code: 'Digit1' }, enter];
    expect(feed(detector, keys, 5).verdicts).toMatchObject([{ kind: 'scan', raw: 'a@b"1' }]);
  });

  it('finds every scan, exactly, in any stream of scans at scanner speed', () => {
    const code = fc.stringMatching(/^[0-9A-Za-z\-.]{4,40}$/);
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 25 }), (codes, gap) => {
        const detector = new WedgeDetector();
        const keys = codes.flatMap((text) => [...keysFor(text), enter]);
        const scans = feed(detector, keys, gap).verdicts.flatMap((verdict) => (verdict.kind === 'scan' ? [verdict.raw] : []));
        expect(scans).toEqual(codes);
      }),
    );
  });
});

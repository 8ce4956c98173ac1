// Fuzzing the keyboard-wedge detector (issue 14, item 10): random keys at random times never make it throw, and
// between pauses every scanner burst comes out as exactly one scan (ended by Enter/Tab) or one cut-off report
// (no end key), with every character — nothing lost, nothing doubled — whatever random typing surrounds it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWedgeSettings, WedgeDetector, type KeyVerdict } from '../../../renderer/features/scanning/wedge-detector';

const settings = defaultWedgeSettings;
/** Longer than unfinishedAfterMs: the station's timer calls flush() in such a pause. */
const pauseMs = fc.integer({ min: settings.unfinishedAfterMs + 1, max: 5000 });

const codeChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-./';
function keyCode(char: string): { code: string; shift: boolean } {
  if (/[a-z]/.test(char)) return { code: `Key${char.toUpperCase()}`, shift: false };
  if (/[A-Z]/.test(char)) return { code: `Key${char}`, shift: true };
  if (/[0-9]/.test(char)) return { code: `Digit${char}`, shift: false };
  return { code: ({ '-': 'Minus', '.': 'Period', '/': 'Slash' } as Record<string, string>)[char] as string, shift: false };
}

/** Any key a keyboard or a misconfigured scanner can send, including ones that are not keys at all. */
const anyKeyCode = fc.oneof(
  fc.constantFrom(...[...codeChars].map((c) => keyCode(c).code)),
  fc.constantFrom('Enter', 'NumpadEnter', 'Tab', 'ShiftLeft', 'ControlLeft', 'AltRight', 'CapsLock', 'Backspace', 'ArrowLeft', 'Escape', 'F5'),
  fc.constantFrom('BracketRight', 'Backslash', 'Space', 'Quote', 'IntlYen', 'Numpad7', 'Unidentified', ''),
  fc.string({ maxLength: 12 }),
);
const randomKey = fc.record({
  code: anyKeyCode,
  shift: fc.boolean(),
  command: fc.boolean(),
  gap: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 600 })),
});

type Segment =
  | { kind: 'scan'; code: string; end: 'Enter' | 'Tab' | 'NumpadEnter'; gaps: number[] }
  | { kind: 'cut-off'; code: string; gaps: number[] }
  | { kind: 'typing'; text: string; gaps: number[] }
  | { kind: 'noise'; keys: { code: string; shift: boolean; command: boolean; gap: number }[] };

const code = fc.string({ unit: fc.constantFrom(...codeChars), minLength: settings.minLength, maxLength: 40 });
/** Scanner key gaps: 1–20 ms, now and then one held back up to 90 ms by a busy PC (the median stays fast). */
const scannerGaps = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 20 }), { minLength: length, maxLength: length })
    .chain((gaps) =>
      fc
        .integer({ min: 0, max: length - 1 })
        .chain((slow) => fc.integer({ min: 0, max: 90 }).map((held) => gaps.map((g, i) => (i === slow && length > 6 ? held : g)))),
    );

const segment: fc.Arbitrary<Segment> = fc.oneof(
  code.chain((c) =>
    fc.record({
      kind: fc.constant('scan' as const),
      code: fc.constant(c),
      end: fc.constantFrom('Enter' as const, 'Tab' as const, 'NumpadEnter' as const),
      gaps: scannerGaps(c.length + 1),
    }),
  ),
  code.chain((c) => fc.record({ kind: fc.constant('cut-off' as const), code: fc.constant(c), gaps: scannerGaps(c.length) })),
  fc.string({ unit: fc.constantFrom(...codeChars), minLength: 1, maxLength: 20 }).chain((t) =>
    fc.record({
      kind: fc.constant('typing' as const),
      text: fc.constant(t),
      gaps: fc.array(fc.integer({ min: settings.maxGapMs + 1, max: 400 }), { minLength: t.length + 1, maxLength: t.length + 1 }),
    }),
  ),
  fc.record({ kind: fc.constant('noise' as const), keys: fc.array(randomKey, { maxLength: 30 }) }),
);

function expectWellFormed(verdict: KeyVerdict): void {
  if (verdict.kind === 'scan' || verdict.kind === 'unfinished-then-pass') {
    expect(typeof verdict.raw).toBe('string');
    expect(verdict.raw.length).toBeGreaterThanOrEqual(settings.minLength);
    expect(Number.isFinite(verdict.startedAt)).toBe(true);
  } else {
    expect(['pass', 'swallow']).toContain(verdict.kind);
  }
}

describe('WedgeDetector under random input', () => {
  it('never throws on random keys at random times, and every verdict is well-formed', () => {
    fc.assert(
      fc.property(fc.array(randomKey, { maxLength: 200 }), (keys) => {
        const detector = new WedgeDetector();
        let time = 1000;
        for (const key of keys) {
          time += key.gap;
          expectWellFormed(detector.key({ code: key.code, shiftKey: key.shift, withCommandModifier: key.command, timeStamp: time }));
          if (key.gap > 300) expectWellFormed(detector.flush(time));
        }
        expectWellFormed(detector.flush(time + settings.unfinishedAfterMs));
      }),
      { numRuns: 300 },
    );
  });

  it('gives every scanner burst exactly one scan or one cut-off report with all its characters, whatever is typed between pauses', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(segment, pauseMs), { minLength: 1, maxLength: 12 }), (segments) => {
        const detector = new WedgeDetector();
        let time = 1000;
        for (const [seg, pause] of segments) {
          const verdicts: KeyVerdict[] = [];
          const press = (keyCodeName: string, shift: boolean, command: boolean, gap: number) => {
            time += gap;
            const verdict = detector.key({ code: keyCodeName, shiftKey: shift, withCommandModifier: command, timeStamp: time });
            expectWellFormed(verdict);
            if (verdict.kind !== 'pass') verdicts.push(verdict);
          };
          if (seg.kind === 'noise') {
            for (const key of seg.keys) press(key.code, key.shift, key.command, key.gap);
          } else {
            const text = seg.kind === 'typing' ? seg.text : seg.code;
            [...text].forEach((char, i) => press(keyCode(char).code, keyCode(char).shift, false, seg.gaps[i] as number));
            if (seg.kind === 'scan') press(seg.end, false, false, seg.gaps[text.length] as number);
            if (seg.kind === 'typing') press('Enter', false, false, seg.gaps[text.length] as number);
          }
          // The pause: the station's timer fires once it is long enough to call the burst cut off.
          time += pause;
          const flushed = detector.flush(time);
          expectWellFormed(flushed);
          if (flushed.kind !== 'pass') verdicts.push(flushed);

          const results = verdicts.filter((v) => v.kind === 'scan' || v.kind === 'unfinished-then-pass');
          if (seg.kind === 'scan') expect(results).toEqual([{ kind: 'scan', raw: seg.code, startedAt: expect.any(Number) }]);
          if (seg.kind === 'cut-off') expect(results).toEqual([{ kind: 'unfinished-then-pass', raw: seg.code, startedAt: expect.any(Number) }]);
          if (seg.kind === 'typing') expect(results).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

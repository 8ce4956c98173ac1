import type { LabelFont } from './label-font';

/**
 * Text set in the label font as a 1-bit bitmap, for thermal printers that have no Japanese font of their own (ZPL
 * ^GF graphics). Glyph outlines are filled with the non-zero winding rule on a 4 × 4 supersampled grid; a printer
 * dot is black when enough of its samples are, a threshold low enough that the thin strokes of small kanji survive.
 */
export interface Bitmap {
  width: number;
  height: number;
  /** One byte per dot, 1 = black, row by row from the top. */
  dots: Uint8Array;
}

export interface RasterisedText {
  bitmap: Bitmap;
  /** Rows from the top of the bitmap to the baseline. */
  ascentDots: number;
}

const samples = 4;
const blackAtSamples = 6; // of 16

type Segment = [x0: number, y0: number, x1: number, y1: number];

export function rasteriseText(text: string, sizeDots: number, font: LabelFont): RasterisedText {
  const scale = sizeDots / font.unitsPerEm;
  const ascentDots = Math.ceil(sizeDots * 1.0);
  const descentDots = Math.ceil(sizeDots * 0.25);
  const glyphs = [...text].map((char) => ({ char, ...font.outline(char) }));
  const advanceUnits = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
  const width = Math.max(1, Math.ceil(advanceUnits * scale) + 1);
  const height = ascentDots + descentDots;
  const coverage = new Uint8Array(width * height);
  const widthSamples = width * samples;

  let penUnits = 0;
  for (const glyph of glyphs) {
    // Pens sit on whole samples (a quarter dot): then a glyph's fill depends only on its size and the pen's phase
    // within a dot, and is computed once for a batch of labels instead of at every occurrence.
    const penSamples = Math.round(penUnits * scale * samples);
    const phase = penSamples % samples;
    const spans = glyphSpans(glyph.char, glyph.commands, sizeDots, ascentDots, phase, scale);
    const originColumn = penSamples - phase;
    for (let i = 0; i < spans.length; i += 3) {
      const rowOffset = Math.floor(spans[i]! / samples) * width;
      const to = Math.min(widthSamples - 1, originColumn + spans[i + 2]!);
      for (let column = Math.max(0, originColumn + spans[i + 1]!); column <= to; column++) {
        const dot = rowOffset + Math.floor(column / samples);
        coverage[dot] = coverage[dot]! + 1;
      }
    }
    penUnits += glyph.advance;
  }

  const dots = new Uint8Array(width * height);
  for (let i = 0; i < dots.length; i++) dots[i] = coverage[i]! >= blackAtSamples ? 1 : 0;
  return { bitmap: { width, height, dots }, ascentDots };
}

/** Filled sample spans of one glyph as flat [row, firstColumn, lastColumn, …] triples, rows from the bitmap's top. */
type Spans = number[];
const spanCache = new Map<string, Spans>();
const spanCacheLimit = 20_000;

function glyphSpans(
  char: string,
  commands: ReadonlyArray<{ command: string; args: number[] }>,
  sizeDots: number,
  ascentDots: number,
  phase: number,
  scale: number,
): Spans {
  const key = `${char}|${sizeDots}|${phase}`;
  let spans = spanCache.get(key);
  if (!spans) {
    // Outline point (u, v) in font units, y up → supersample grid coordinates, y down from the bitmap's top.
    const toGrid = (u: number, v: number): [number, number] => [phase + u * scale * samples, (ascentDots - v * scale) * samples];
    spans = fillSpans(outlineSegments(commands, toGrid), (ascentDots + Math.ceil(sizeDots * 0.25)) * samples);
    if (spanCache.size >= spanCacheLimit) spanCache.clear();
    spanCache.set(key, spans);
  }
  return spans;
}

function outlineSegments(commands: ReadonlyArray<{ command: string; args: number[] }>, toGrid: (u: number, v: number) => [number, number]): Segment[] {
  const segments: Segment[] = [];
  let start: [number, number] = [0, 0];
  let current: [number, number] = [0, 0];
  const lineTo = (point: [number, number]): void => {
    segments.push([current[0], current[1], point[0], point[1]]);
    current = point;
  };
  for (const { command, args } of commands) {
    const a = args;
    switch (command) {
      case 'moveTo':
        if (current[0] !== start[0] || current[1] !== start[1]) lineTo(start);
        start = current = toGrid(a[0]!, a[1]!);
        break;
      case 'lineTo':
        lineTo(toGrid(a[0]!, a[1]!));
        break;
      case 'quadraticCurveTo': {
        const p0 = current;
        const p1 = toGrid(a[0]!, a[1]!);
        const p2 = toGrid(a[2]!, a[3]!);
        const steps = curveSteps(p0, p1, p2);
        for (let i = 1; i <= steps; i++) {
          const t = i / steps;
          const s = 1 - t;
          lineTo([s * s * p0[0] + 2 * s * t * p1[0] + t * t * p2[0], s * s * p0[1] + 2 * s * t * p1[1] + t * t * p2[1]]);
        }
        break;
      }
      case 'bezierCurveTo': {
        const p0 = current;
        const p1 = toGrid(a[0]!, a[1]!);
        const p2 = toGrid(a[2]!, a[3]!);
        const p3 = toGrid(a[4]!, a[5]!);
        const steps = curveSteps(p0, p1, p2, p3);
        for (let i = 1; i <= steps; i++) {
          const t = i / steps;
          const s = 1 - t;
          const [b0, b1, b2, b3] = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
          lineTo([b0 * p0[0] + b1 * p1[0] + b2 * p2[0] + b3 * p3[0], b0 * p0[1] + b1 * p1[1] + b2 * p2[1] + b3 * p3[1]]);
        }
        break;
      }
      case 'closePath':
        lineTo(start);
        break;
    }
  }
  if (current[0] !== start[0] || current[1] !== start[1]) lineTo(start);
  return segments;
}

/** Enough straight pieces that a curve strays less than about a sample from its chords. */
function curveSteps(...points: Array<[number, number]>): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return Math.min(16, Math.max(1, Math.ceil(Math.sqrt(length))));
}

/** Scanline fill of one glyph with the non-zero winding rule, as spans of sample columns per sample row. */
function fillSpans(segments: readonly Segment[], rows: number): Spans {
  const spans: Spans = [];
  if (segments.length === 0) return spans;
  let top = Infinity;
  let bottom = -Infinity;
  for (const [, y0, , y1] of segments) {
    top = Math.min(top, y0, y1);
    bottom = Math.max(bottom, y0, y1);
  }
  const firstRow = Math.max(0, Math.floor(top));
  const lastRow = Math.min(rows - 1, Math.ceil(bottom));
  const crossings: Array<[x: number, winding: number]> = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row + 0.5;
    crossings.length = 0;
    for (const [x0, y0, x1, y1] of segments) {
      if (y0 <= y === y1 <= y) continue; // both ends on the same side: no crossing (horizontal edges included)
      crossings.push([x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), y1 > y0 ? 1 : -1]);
    }
    crossings.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]![1];
      if (winding === 0) continue;
      const from = Math.ceil(crossings[i]![0] - 0.5);
      const to = Math.floor(crossings[i + 1]![0] - 0.5);
      if (to >= from) spans.push(row, from, to);
    }
  }
  return spans;
}

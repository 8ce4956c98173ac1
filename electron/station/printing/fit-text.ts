import { breakableChunks, characters, type Chunk } from './line-breaks';

export type MeasureText = (text: string, sizePt: number) => number;

/** Where a piece of label text has to fit, and how small it may be set to get there. */
export interface TextBox {
  widthPt: number;
  heightPt: number;
  maxSizePt: number;
  /** Below this a thermal printer no longer prints legible kanji. */
  minSizePt: number;
  /** Line pitch as a multiple of the font size. */
  leading: number;
  maxLines: number;
}

export interface FittedText {
  sizePt: number;
  lines: string[];
  /** True when even at minSizePt the text did not fit and its end was replaced by an ellipsis. */
  shortened: boolean;
}

interface Line {
  text: string;
  /** Offset in the source text where the line starts, so the rest of the text can be found after it. */
  start: number;
}

const sizeStepPt = 0.25;
export const ellipsis = '…';

/**
 * Sets `text` as large as possible: at each size from max down to min it is wrapped at the break points of
 * line-breaks.ts, and the first size whose lines fit the box wins. What does not fit at the minimum size keeps as many
 * whole lines as fit and ends in an ellipsis, flagged as shortened: it is never cut off silently.
 */
export function fitText(text: string, box: TextBox, measure: MeasureText): FittedText {
  if (text.length === 0) return { sizePt: box.maxSizePt, lines: [], shortened: false };
  const chunks = breakableChunks(text);
  for (let sizePt = box.maxSizePt; sizePt >= box.minSizePt - 1e-9; sizePt -= sizeStepPt) {
    const lines = wrap(chunks, box.widthPt, sizePt, measure);
    if (lines.length <= linesThatFit(box, sizePt)) return { sizePt, lines: lines.map((line) => line.text), shortened: false };
  }
  const sizePt = box.minSizePt;
  const lines = wrap(chunks, box.widthPt, sizePt, measure);
  const kept = lines.slice(0, linesThatFit(box, sizePt));
  const last = kept.pop()!;
  const shortenedLast = withEllipsis(text.slice(last.start), box.widthPt, sizePt, measure);
  return { sizePt, lines: [...kept.map((line) => line.text), shortenedLast], shortened: true };
}

function linesThatFit(box: TextBox, sizePt: number): number {
  return Math.max(1, Math.min(box.maxLines, Math.floor((box.heightPt + 1e-6) / (sizePt * box.leading))));
}

/** Greedy line filling; advance widths add up (no kerning), so each chunk is measured once. */
function wrap(chunks: readonly Chunk[], widthPt: number, sizePt: number, measure: MeasureText): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let lineWidth = 0;
  let pendingSpace = 0;
  const spaceWidth = measure(' ', sizePt);
  const flush = (): void => {
    if (line) lines.push(line);
    line = null;
    lineWidth = 0;
    pendingSpace = 0;
  };
  const append = (text: string, start: number, width: number): void => {
    if (line) line.text += (pendingSpace ? ' ' : '') + text;
    else line = { text, start };
    lineWidth += pendingSpace + width;
    pendingSpace = 0;
  };

  for (const chunk of chunks) {
    if (chunk.space) {
      if (line) pendingSpace = spaceWidth;
      continue;
    }
    const chunkWidth = measure(chunk.text, sizePt);
    if (lineWidth + pendingSpace + chunkWidth <= widthPt) {
      append(chunk.text, chunk.start, chunkWidth);
      continue;
    }
    flush();
    if (chunkWidth <= widthPt) {
      append(chunk.text, chunk.start, chunkWidth);
      continue;
    }
    for (const { char, offset } of characters(chunk.text)) {
      const charWidth = measure(char, sizePt);
      if (line && lineWidth + charWidth > widthPt) flush();
      append(char, chunk.start + offset, charWidth);
    }
  }
  flush();
  return lines;
}

function withEllipsis(text: string, widthPt: number, sizePt: number, measure: MeasureText): string {
  let width = measure(ellipsis, sizePt);
  let kept = '';
  for (const { char } of characters(text.trimEnd())) {
    const charWidth = measure(char, sizePt);
    if (width + charWidth > widthPt) break;
    kept += char;
    width += charWidth;
  }
  return kept.trimEnd() + ellipsis;
}

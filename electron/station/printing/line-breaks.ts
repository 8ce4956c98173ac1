/**
 * Where a label line may break. Japanese has no spaces between words, so breaks come from ICU's word segmentation
 * (Intl.Segmenter), with the basic kinsoku rules so a line never starts with 。or ー and never ends with 「.
 */

// Characters that must not start a line (closing brackets, sentence marks, small kana, the long-vowel mark).
const noBreakBefore = new Set([...'、。，．,.・：；:;？！?!゛゜ヽヾゝゞ々ー〜～…‥）)］]｝}」』】〕〉》’”ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ%％']);
// Characters that must not end a line (opening brackets).
const noBreakAfter = new Set([...'（(［[｛{「『【〔〈《‘“']);

const words = new Intl.Segmenter('ja', { granularity: 'word' });
const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** A piece of text that is kept on one line if it fits; `space` pieces are dropped at the end of a line. */
export interface Chunk {
  text: string;
  space: boolean;
  /** Offset of the chunk in the text it came from. */
  start: number;
}

export function breakableChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const { segment, index } of words.segment(text)) {
    const space = /^\s+$/.test(segment);
    const previous = chunks.at(-1);
    const glue = previous !== undefined && !space && !previous.space && (noBreakBefore.has(firstChar(segment)) || noBreakAfter.has(lastChar(previous.text)));
    if (glue) previous.text += segment;
    else chunks.push({ text: space ? ' ' : segment, space, start: index });
  }
  return chunks;
}

/** A chunk wider than a whole line is cut between characters (never inside a character made of several code points). */
export function characters(text: string): Array<{ char: string; offset: number }> {
  return Array.from(graphemes.segment(text), (part) => ({ char: part.segment, offset: part.index }));
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

function lastChar(text: string): string {
  const chars = [...text];
  return chars[chars.length - 1] ?? '';
}

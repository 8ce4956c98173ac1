import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The one typeface every label is set in: Noto Sans JP (SIL Open Font License 1.1) from the npm package
 * @expo-google-fonts/noto-sans-jp, so labels look the same on every floor PC and never depend on which fonts the OS
 * happens to have. Medium rather than Regular: at 5–7 pt on a 203 dpi thermal head the strokes of Regular kanji are
 * one dot wide and break up.
 */
const fontModule = '@expo-google-fonts/noto-sans-jp/500Medium/NotoSansJP_500Medium.ttf';

export interface LabelFont {
  /** The TrueType file, for pdfkit to subset and embed. */
  readonly file: Buffer;
  readonly unitsPerEm: number;
  /** Advance width of `text` set at `sizePt`, in points (no kerning: label text is CJK and codes, which have none that matters). */
  widthOf(text: string, sizePt: number): number;
  /** The characters of `text` that the font has no glyph for, each once: they would print as empty boxes (tofu). */
  missingCharacters(text: string): string[];
  /** Glyph outlines of one character in font units (y up), for rasterising text into ZPL graphics. */
  outline(char: string): { commands: ReadonlyArray<{ command: string; args: number[] }>; advance: number };
}

let loaded: LabelFont | null = null;

/** Loaded once per process (the file is 5 MB); later calls share it. */
export function labelFont(): LabelFont {
  loaded ??= loadLabelFont();
  return loaded;
}

function loadLabelFont(): LabelFont {
  const path = createRequire(import.meta.url).resolve(fontModule);
  const file = readFileSync(path);
  const font = fontkit.create(file);
  if (!('unitsPerEm' in font)) throw new Error(`${fontModule} is a font collection, not a font`);
  const advances = new Map<number, number>();

  const advanceOf = (codePoint: number): number => {
    let advance = advances.get(codePoint);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(codePoint).advanceWidth;
      advances.set(codePoint, advance);
    }
    return advance;
  };

  return {
    file,
    unitsPerEm: font.unitsPerEm,
    widthOf(text, sizePt) {
      let units = 0;
      for (const char of text) units += advanceOf(char.codePointAt(0)!);
      return (units * sizePt) / font.unitsPerEm;
    },
    missingCharacters(text) {
      const missing = new Set<string>();
      for (const char of text) if (!/\s/.test(char) && !font.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
      return [...missing];
    },
    outline(char) {
      const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
      return { commands: glyph.path.commands, advance: glyph.advanceWidth };
    },
  };
}

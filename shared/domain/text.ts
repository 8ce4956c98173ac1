import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * Japanese input methods and spreadsheets produce full-width digits and Latin letters (０３－１２３４) and a zoo of
 * dashes; codes, phone numbers and postal codes must compare equal however they were typed. Kana and kanji are
 * meaning, not width, so they stay as written (half-width katakana too: turning ｶﾞ into ガ is composition, not
 * width, and nothing we match on contains kana).
 */
const dashLikes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g; // hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus sign, small em dash, small and full-width hyphen-minus
const fullWidthAscii = /[\uFF01-\uFF5E]/g; // ！ to ～: the full-width copies of ASCII 0x21–0x7E
const fullWidthToAscii = 0xfee0;

export function normalizeWidth(text: string): string {
  return text
    .replace(dashLikes, '-')
    .replace(fullWidthAscii, (char) => String.fromCharCode(char.charCodeAt(0) - fullWidthToAscii))
    .replace(/\u3000/g, ' ');
}

export type PlainTextProblem = 'empty' | 'too-long' | 'control-characters' | 'markup';

// Cc (C0, DEL, C1), line/paragraph separators (they break a label line as \n would), and the bidirectional
// overrides and isolates that can make a name display differently from what is stored.
const controlCharacters = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// What a browser or a label template could read as markup: a tag, closing tag, comment/doctype or processing
// instruction, or a character entity. A lone '<' or '&' as in "A<B" or "A & B" is still plain text.
const markup = /<[A-Za-z/!?]|&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/;

/**
 * Why `text` (already trimmed) is not acceptable plain text of at most `maxLength` characters, or null.
 * Length counts code points, as PostgreSQL varchar does, so an emoji or a rare kanji outside the BMP counts once.
 */
export function plainTextProblem(text: string, maxLength: number): PlainTextProblem | null {
  if (text.length === 0) return 'empty';
  if (countCodePoints(text) > maxLength) return 'too-long';
  return unsafeTextProblem(text);
}

/** What makes text unsafe to store or print whatever its length: control characters, or something read as markup. */
export function unsafeTextProblem(text: string): Extract<PlainTextProblem, 'control-characters' | 'markup'> | null {
  if (controlCharacters.test(text)) return 'control-characters';
  if (markup.test(text)) return 'markup';
  return null;
}

/** Names, addresses, descriptions: trimmed, 1..maxLength characters, no control characters, nothing that looks like markup. */
export function plainTextSchema(maxLength: number) {
  return z
    .string({ error: reasonCode('not-text') })
    .trim()
    .superRefine((text, ctx) => {
      const problem = plainTextProblem(text, maxLength);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
    });
}

/** Length as PostgreSQL's varchar counts it: an emoji or a rare kanji outside the BMP is one character. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

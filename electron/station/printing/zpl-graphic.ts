import type { Bitmap } from './glyph-raster';

/**
 * A bitmap as a ZPL ^GF field in ASCII hex (each byte two hex digits, leftmost dot in the high bit). Every ZPL II
 * printer understands this form; the compressed forms (ZPL run-length letters, :Z64:) save bytes on the wire but
 * a mistake in them prints garbage that no test here could see.
 */
export function zplGraphicField(xDots: number, yDots: number, bitmap: Bitmap): string {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const totalBytes = bytesPerRow * bitmap.height;
  let hex = '';
  for (let row = 0; row < bitmap.height; row++) {
    for (let byteIndex = 0; byteIndex < bytesPerRow; byteIndex++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = byteIndex * 8 + bit;
        if (x < bitmap.width && bitmap.dots[row * bitmap.width + x]) byte |= 0x80 >> bit;
      }
      hex += hexByte[byte];
    }
  }
  return `^FO${xDots},${yDots}^GFA,${totalBytes},${totalBytes},${bytesPerRow},${hex}^FS`;
}

const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

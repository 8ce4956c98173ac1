import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How far a printed page (what a CUPS queue made of a job) is from the document the station sent, measured by ink.
 * cups-pdf runs every job through PostScript and Ghostscript, which loses the Japanese font's text mapping, so
 * pdftotext cannot read the printed file; the document sent is read with pdftotext instead, and this proves the printed
 * page is that document: both rasterised at the same resolution, darkness compared in 2 mm cells. A blank page, a
 * fragment of a larger page or another document differs by far more than the rounding of the page to whole points.
 */
export interface PageLikeness {
  pages: number;
  /** Mean absolute difference of the cells' darkness, 0 (same) to 255, on the page that differs most. */
  worstDifference: number;
  /** Share of cells with ink in the sent document that have ink on the printed page too, on its worst page. */
  worstInkKept: number;
}

interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const dpi = 50;
/** 2 mm at 50 dpi is about 4 pixels. */
const cell = 4;

function rasterise(pdf: Buffer): Grey[] {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-likeness-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const result = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'in.pdf'), join(dir, 'page')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
    return readdirSync(dir)
      .filter((file) => file.startsWith('page-'))
      .sort((a, b) => Number(/-(\d+)\./.exec(a)?.[1]) - Number(/-(\d+)\./.exec(b)?.[1]))
      .map((file) => parsePgm(readFileSync(join(dir, file))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PGM (P5, 8 bits), as pdftoppm -gray writes it. */
function parsePgm(bytes: Buffer): Grey {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(whole.length) };
}

/** Darkness (0 white … 255 black) per cell. */
function cells(page: Grey, columns: number, rows: number): number[] {
  const out: number[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      let sum = 0;
      for (let y = row * cell; y < (row + 1) * cell; y++)
        for (let x = column * cell; x < (column + 1) * cell; x++) sum += 255 - page.pixels[y * page.width + x]!;
      out.push(sum / (cell * cell));
    }
  }
  return out;
}

export function pageLikeness(sent: Buffer, printed: Buffer): PageLikeness {
  const expected = rasterise(sent);
  const actual = rasterise(printed);
  if (expected.length !== actual.length) return { pages: actual.length, worstDifference: 255, worstInkKept: 0 };
  let worstDifference = 0;
  let worstInkKept = 1;
  for (const [index, page] of expected.entries()) {
    const other = actual[index]!;
    // Ghostscript rounds the page to whole points: compare the area both have.
    const columns = Math.floor(Math.min(page.width, other.width) / cell);
    const rows = Math.floor(Math.min(page.height, other.height) / cell);
    const a = cells(page, columns, rows);
    const b = cells(other, columns, rows);
    let difference = 0;
    let inked = 0;
    let kept = 0;
    for (let i = 0; i < a.length; i++) {
      difference += Math.abs(a[i]! - b[i]!);
      if (a[i]! > 32) {
        inked++;
        if (b[i]! > 16) kept++;
      }
    }
    worstDifference = Math.max(worstDifference, difference / a.length);
    worstInkKept = Math.min(worstInkKept, inked === 0 ? 1 : kept / inked);
  }
  return { pages: actual.length, worstDifference, worstInkKept };
}

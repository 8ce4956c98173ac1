import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The judges of printed labels: poppler's pdftoppm rasterises a PDF as a printer would, zbar's zbarimg reads the
 * barcodes back, pdftotext reads the text. Debian: apt-get install poppler-utils zbar-tools.
 */

const packages: Record<string, string> = { pdftoppm: 'poppler-utils', pdftotext: 'poppler-utils', zbarimg: 'zbar-tools' };

function run(tool: string, args: string[], okCodes: number[] = [0]): { stdout: string; status: number } {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: apt-get install ${packages[tool] ?? tool}`);
  }
  if (result.error) throw result.error;
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`${tool} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return { stdout: result.stdout, status: result.status ?? -1 };
}

export interface RasterOptions {
  dpi?: number;
  /** 1-bit output, as a thermal head prints: no grey edges to help the decoder. */
  mono?: boolean;
}

/** Each page of the PDF as a PNG (or 1-bit PBM with mono), in page order; the caller removes `dir` when done. */
export function rasterisePdf(pdf: Buffer | string, options: RasterOptions = {}): { dir: string; pages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-raster-'));
  const input = typeof pdf === 'string' ? pdf : join(dir, 'input.pdf');
  if (typeof pdf !== 'string') writeFileSync(input, pdf);
  run('pdftoppm', ['-r', String(options.dpi ?? 300), options.mono ? '-mono' : '-png', input, join(dir, 'page')]);
  const pages = readdirSync(dir)
    .filter((file) => file.startsWith('page-'))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((file) => join(dir, file));
  return { dir, pages };
}

function pageNumber(file: string): number {
  return Number(/-(\d+)\./.exec(file)?.[1] ?? 0);
}

/**
 * Every barcode zbarimg finds in an image, as its decoded text (empty when it finds none). zbar reports identical
 * codes in one image once, so count copies per page or per image, not within one.
 */
export function decodeBarcodes(image: string): string[] {
  // zbarimg exits 4 when the image holds no barcode: an answer, not an error.
  const { stdout } = run('zbarimg', ['--raw', '-q', image], [0, 4]);
  return stdout.split('\n').filter((line) => line.length > 0);
}

/** The barcodes of every page of a PDF, page by page. */
export function decodePdfBarcodes(pdf: Buffer | string, options: RasterOptions = {}): string[][] {
  const { dir, pages } = rasterisePdf(pdf, options);
  try {
    return pages.map(decodeBarcodes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext extracts it (UTF-8), pages separated by form feeds. */
export function pdfText(pdf: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-text-'));
  try {
    const input = typeof pdf === 'string' ? pdf : join(dir, 'input.pdf');
    if (typeof pdf !== 'string') writeFileSync(input, pdf);
    return run('pdftotext', ['-enc', 'UTF-8', input, '-']).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

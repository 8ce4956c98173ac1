import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Waits for the PDF cups-pdf writes for a job (its file name carries the job's title, `qwms <jobId>`) and reads it
 * once complete (size steady and the PDF's end marker written).
 */
export async function cupsPdfOutput(dirs: string[], titlePart: string, timeoutMs = 60_000): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const dir of dirs.filter(existsSync)) {
      const file = readdirSync(dir).find((name) => name.includes(titlePart) && name.endsWith('.pdf'));
      if (file) {
        const path = join(dir, file);
        const size = statSync(path).size;
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (size > 0 && statSync(path).size === size && readFileSync(path).includes('%%EOF')) {
          const pdf = readFileSync(path);
          rmSync(path);
          return pdf;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`cups-pdf wrote no file for ${titlePart} into ${dirs.join(' or ')} within ${timeoutMs / 1000} s (see /var/log/cups/error_log)`);
}

/** Every page's size in millimetres, as pdfinfo reports it (poppler-utils). */
export function pdfPageSizesMm(pdf: Buffer): Array<{ width: number; height: number }> {
  const result = spawnSync('pdfinfo', ['-f', '1', '-l', '999', '-'], { input: pdf, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pdfinfo failed: ${result.stderr}`);
  const pointsToMm = (points: string) => (Number(points) * 25.4) / 72;
  return [...result.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
    width: pointsToMm(match[1]!),
    height: pointsToMm(match[2]!),
  }));
}

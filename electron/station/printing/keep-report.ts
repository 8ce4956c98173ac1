import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keeps a rendered document as `<dir>/<name>` (the folder made if need be) and answers the file's path. */
export function keepReport(dir: string, name: string, pdf: Buffer | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return path;
}

// Finds the Electron executable without require('electron'): when the binary is missing, that require starts a
// download, which hangs or fails on machines without access to Electron's release server.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * @returns {{ path: string } | { missingReason: string }}
 */
export function locateElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missingReason: 'the electron package is not installed' };
  }
  // The same files electron's own index.js consults, in the same order.
  const pathFile = path.join(packageDir, 'path.txt');
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir) {
    const binary = path.join(overrideDir, relativeBinary || 'electron');
    return existsSync(binary) ? { path: binary } : { missingReason: 'ELECTRON_OVERRIDE_DIST_PATH points to no binary' };
  }
  if (!relativeBinary) return { missingReason: 'its binary was not downloaded' };
  const binary = path.join(packageDir, 'dist', relativeBinary);
  return existsSync(binary) ? { path: binary } : { missingReason: 'its binary is missing from node_modules/electron/dist' };
}

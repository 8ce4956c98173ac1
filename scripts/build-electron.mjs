// Bundles Electron main and preload into dist/electron as CommonJS. Main is bundled so the packaged app does not
// depend on how Node resolves our TypeScript; preload must be one file because a sandboxed preload cannot
// require local modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(projectRoot, 'dist', 'electron');

// Native addons are loaded from node_modules at run time (rebuilt for Electron by electron-builder); pdfkit reads
// its font metrics from files beside its own source, which a bundle would not carry along.
const loadedFromNodeModules = ['electron', 'node-hid', 'better-sqlite3', 'pg', 'pg-native', 'pdfkit'];

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // A floor for syntax lowering only: Electron 45 ships a newer Node and Chromium than both.
  target: ['node20', 'chrome130'],
  external: loadedFromNodeModules,
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
};

const results = await Promise.allSettled([
  build({
    ...shared,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    // Station code is ESM and may locate files with import.meta.url; in a CommonJS bundle that points at the bundle.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...shared,
    // The embedded hub, started by main in a utilityProcess (`qwms hub …`).
    entryPoints: ['server/cli/qwms.ts'],
    outfile: path.join(outDir, 'hub.cjs'),
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...shared,
    // The hub reads uploaded Excel files in a worker thread (server/excel/parse-off-thread.ts), from this file.
    entryPoints: ['server/excel/parse-worker.ts'],
    outfile: path.join(outDir, 'excel-worker.cjs'),
  }),
  build({
    ...shared,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
  }),
]);

// esbuild has already printed each error with its source location; a stack trace on top would only bury them.
if (results.some((result) => result.status === 'rejected')) {
  console.error('build-electron: failed');
  process.exit(1);
}
console.log(`built ${path.relative(projectRoot, outDir)}/main.cjs, hub.cjs, excel-worker.cjs and preload.cjs`);

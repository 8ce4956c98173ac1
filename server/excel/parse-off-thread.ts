import { Worker } from 'node:worker_threads';
import { fileFinding, toRowErrors } from './finding';
import type { ParseOptions, ParseResult } from './parse-workbook';
import type { ParseRequest } from './parse-worker';
import type { TemplateKind } from './template-definition';
import type { TemplateRows } from './templates';

/**
 * parseWorkbook in a worker thread of its own, so the hub keeps answering other requests while a big file is read,
 * and with a heap limit, so a file built to exhaust memory ends that thread, not the hub. The thread exits after
 * one file; whatever it held goes with it.
 */

/** The worker's V8 heap; the 10,000-row benchmark file needs well under a tenth of it. */
export const workerHeapMb = 256;

export function parseWorkbookOffThread<K extends TemplateKind>(kind: K, bytes: Uint8Array, options: ParseOptions): Promise<ParseResult<TemplateRows[K]>> {
  const worker = new Worker(workerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: 32 },
    // The worker needs none of the hub's environment (its secrets included) but where temporary files go.
    env: Object.fromEntries(['TMPDIR', 'TMP', 'TEMP'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]]))),
    stdout: false,
    stderr: false,
  });
  return new Promise<ParseResult<TemplateRows[K]>>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.once('message', (message: { ok: true; result: ParseResult<TemplateRows[K]> } | { ok: false; error: string }) => {
      settle(() => (message.ok ? resolve(message.result) : reject(new Error(`Excel parse worker: ${message.error}`))));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      // Out of heap: the file is what made it so; the user reads that it holds too much.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() => resolve({ ok: false, errors: toRowErrors([fileFinding('content-too-large', { max: workerHeapMb })], options.language) }));
      } else settle(() => reject(error));
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`Excel parse worker exited (${code}) without an answer`))));
    const request: ParseRequest = { kind, bytes, options };
    worker.postMessage(request);
  });
}

/**
 * The worker's entry: beside the bundled hub (dist/electron/hub.cjs, whose import.meta.url is the bundle's) its
 * own bundle, else the TypeScript source through a tsx boot file.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.cjs') ? new URL('./excel-worker.cjs', here) : new URL('./parse-worker-boot.mjs', here);
}

import { Worker } from 'node:worker_threads';
import { fileFinding, toRowErrors } from './finding';
import type { ParseOptions, ParseResult } from './parse-workbook';
import type { ParseAnswer, ParseRequest } from './parse-worker';
import type { TemplateKind } from './template-definition';
import type { TemplateRows } from './templates';

/**
 * parseWorkbook in a worker thread, so the hub keeps answering other requests while a big file is read, and with a
 * heap limit, so a file built to exhaust memory ends that thread, not the hub. One worker reads one file at a time
 * (uploads wait their turn: reading is CPU work, and the hub's machine has few cores); it is started on the first
 * upload and kept, since starting one costs more than reading a usual file, and replaced when it dies.
 */

/** The worker's V8 heap; the 10,000-row benchmark file needs well under a tenth of it. */
export const workerHeapMb = 256;

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

export function parseWorkbookOffThread<K extends TemplateKind>(kind: K, bytes: Uint8Array, options: ParseOptions): Promise<ParseResult<TemplateRows[K]>> {
  const turn = queue.then(() => parseInWorker(kind, bytes, options));
  queue = turn.catch(() => undefined);
  return turn;
}

function parseInWorker<K extends TemplateKind>(kind: K, bytes: Uint8Array, options: ParseOptions): Promise<ParseResult<TemplateRows[K]>> {
  const current = (worker ??= startWorker());
  current.ref();
  return new Promise<ParseResult<TemplateRows[K]>>((resolve, reject) => {
    const done = (outcome: () => void, workerGone: boolean) => {
      current.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (workerGone) {
        if (worker === current) worker = null;
        void current.terminate();
      } else current.unref();
      outcome();
    };
    const onMessage = (answer: ParseAnswer) =>
      done(() => (answer.ok ? resolve(answer.result as ParseResult<TemplateRows[K]>) : reject(new Error(`Excel parse worker: ${answer.error}`))), false);
    const onError = (error: Error & { code?: string }) =>
      // Out of heap: the file is what made it so; the user reads that it holds too much.
      done(
        () =>
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? resolve({ ok: false, errors: toRowErrors([fileFinding('content-too-large', { max: workerHeapMb })], options.language) })
            : reject(error),
        true,
      );
    const onExit = (code: number) => done(() => reject(new Error(`Excel parse worker exited (${code}) without an answer`)), true);
    current.on('message', onMessage).once('error', onError).once('exit', onExit);
    const request: ParseRequest = { kind, bytes, options };
    current.postMessage(request);
  });
}

function startWorker(): Worker {
  const started = new Worker(workerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: 32 },
    // The worker needs none of the hub's environment (its secrets included) but where temporary files go.
    env: Object.fromEntries(['TMPDIR', 'TMP', 'TEMP'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]]))),
  });
  // An idle worker does not keep the hub (or a CLI run) alive.
  started.unref();
  return started;
}

/**
 * The worker's entry: beside the bundled hub (dist/electron/hub.cjs, whose import.meta.url is the bundle's) its
 * own bundle, else the TypeScript source through a tsx boot file.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.cjs') ? new URL('./excel-worker.cjs', here) : new URL('./parse-worker-boot.mjs', here);
}

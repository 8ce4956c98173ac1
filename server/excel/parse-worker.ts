import { parentPort } from 'node:worker_threads';
import { parseWorkbook, type ParseOptions } from './parse-workbook';
import type { TemplateKind } from './template-definition';

/** The worker side of parse-off-thread.ts: one request, one answer, then the thread ends. */
export interface ParseRequest {
  readonly kind: TemplateKind;
  readonly bytes: Uint8Array;
  readonly options: ParseOptions;
}

const port = parentPort;
if (port) {
  port.once('message', (request: ParseRequest) => {
    parseWorkbook(request.kind, request.bytes, request.options).then(
      (result) => port.postMessage({ ok: true, result }),
      (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

import { parentPort } from 'node:worker_threads';
import { parseWorkbook, type ParseOptions, type ParseResult } from './parse-workbook';
import type { TemplateKind } from './template-definition';

/** The worker side of parse-off-thread.ts: one answer for each request, one request at a time. */
export interface ParseRequest {
  readonly kind: TemplateKind;
  readonly bytes: Uint8Array;
  readonly options: ParseOptions;
}

export type ParseAnswer = { readonly ok: true; readonly result: ParseResult<unknown> } | { readonly ok: false; readonly error: string };

const port = parentPort;
port?.on('message', (request: ParseRequest) => {
  parseWorkbook(request.kind, request.bytes, request.options).then(
    (result) => port.postMessage({ ok: true, result } satisfies ParseAnswer),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ParseAnswer),
  );
});

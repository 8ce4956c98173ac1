import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appScheme } from '../app-origin';
import { appResponseHeaders } from './content-security-policy';
import { contentTypeFor, resolveRendererFile } from './renderer-files';

/**
 * Must run before the app is ready. `standard` gives the scheme a real origin (relative URLs, storage), `secure`
 * makes it a secure context; `corsEnabled` stays off so no other origin can read our files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Serves the built renderer read-only; anything that is not a file inside `rendererDir` is a 404. */
export function serveRendererFrom(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'method not allowed');
    const file = resolveRendererFile(rendererDir, request.url);
    if (file === null) return plainResponse(404, 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // Missing file or a directory: both are simply not something we serve.
      return plainResponse(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(contentTypeFor(file)),
    });
  });
}

import path from 'node:path';
import { appHost, appScheme } from '../app-origin';

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'extname'>;

/**
 * Maps an app:// request URL to a file inside `rootDir`, or null when it must be answered 404: another scheme or
 * host, an undecodable path, or any path that resolves outside the folder (`..`, encoded separators, a Windows
 * drive or backslash). `pathApi` is injectable so the Windows rules can be tested on any OS.
 */
export function resolveRendererFile(rootDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;

  const root = pathApi.resolve(rootDir);
  // Chromium always sends a path for standard schemes; Node's parser leaves it empty for a bare origin.
  const relativeRequest = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const candidate = pathApi.resolve(root, relativeRequest);
  const fromRoot = pathApi.relative(root, candidate);
  const insideRoot = fromRoot !== '' && fromRoot !== '..' && !fromRoot.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(fromRoot);
  return insideRoot ? candidate : null;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/** Module scripts are refused by Chromium without a JavaScript MIME type, and nosniff makes every type binding. */
export function contentTypeFor(filePath: string, pathApi: Pick<typeof path, 'extname'> = path): string {
  return contentTypes[pathApi.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

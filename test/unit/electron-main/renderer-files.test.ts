import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from '../../../electron/main/protocol/renderer-files';

const root = path.resolve('/srv/qwms/dist/renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the bare origin', () => {
    expect(resolveRendererFile(root, 'app://station/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://station')).toBe(path.join(root, 'index.html'));
  });

  it('maps nested asset paths into the folder and ignores query and hash', () => {
    expect(resolveRendererFile(root, 'app://station/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveRendererFile(root, 'app://station/assets/%E3%83%A9%E3%83%99%E3%83%AB.svg')).toBe(path.join(root, 'assets', 'ラベル.svg'));
  });

  it.each([
    ['an encoded slash', 'app://station/..%2F..%2Fetc%2Fpasswd'],
    ['a sibling folder sharing the prefix', 'app://station/..%2Frenderer-secrets%2Fkey'],
    ['the parent folder itself', 'app://station/..%2F'],
    ['a null byte', 'app://station/index.html%00.png'],
    ['malformed percent-encoding', 'app://station/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///srv/qwms/dist/renderer/index.html'],
    ['http on the same host name', 'http://station/index.html'],
    ['not a URL at all', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('keeps URL dot segments inside the folder, because the URL parser clamps them at the root', () => {
    expect(resolveRendererFile(root, 'app://station/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveRendererFile(root, 'app://station/%2e%2e/%2E%2E/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('keeps a file whose name merely starts with two dots', () => {
    expect(resolveRendererFile(root, 'app://station/..notes.txt')).toBe(path.join(root, '..notes.txt'));
  });

  describe('with Windows paths', () => {
    const winRoot = 'C:\\QWMS Floor\\resources\\app.asar\\dist\\renderer';
    const resolveOnWindows = (url: string) => resolveRendererFile(winRoot, url, path.win32);

    it('serves files inside the folder', () => {
      expect(resolveOnWindows('app://station/assets/app.js')).toBe(`${winRoot}\\assets\\app.js`);
    });

    it.each([
      ['backslash traversal', 'app://station/..%5C..%5Cwindows%5Cwin.ini'],
      ['a literal backslash traversal', 'app://station/..\\..\\windows\\win.ini'],
      ['another drive', 'app://station/D:%5Csecrets.txt'],
      ['a UNC path', 'app://station/%5C%5Cserver%5Cshare%5Cx'],
    ])('refuses %s', (_label, url) => {
      expect(resolveOnWindows(url)).toBeNull();
    });
  });
});

describe('contentTypeFor', () => {
  it('gives module scripts a JavaScript type, which Chromium requires for them to run', () => {
    expect(contentTypeFor('/x/assets/index-abc.js')).toMatch(/^text\/javascript/);
  });

  it('ignores the case of the extension', () => {
    expect(contentTypeFor('/x/LOGO.PNG')).toBe('image/png');
  });

  it('falls back to an opaque type for unknown extensions', () => {
    expect(contentTypeFor('/x/data.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/README')).toBe('application/octet-stream');
  });
});

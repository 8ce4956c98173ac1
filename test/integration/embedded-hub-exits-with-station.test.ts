import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hubUrlFrom } from '../../electron/station/embedded-hub/embedded-hub-args';

const qwmsCli = fileURLToPath(new URL('../../bin/qwms.mjs', import.meta.url));

describe('an embedded hub (`qwms hub --exit-with-stdin`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops by itself when the station that started it is gone (its stdin closes), freeing port and database', async () => {
    const hub = spawn(process.execPath, [qwmsCli, 'hub', '--db', join(dir, 'hub.sqlite'), '--port', '0', '--exit-with-stdin'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      hub.stdout.on('data', (data: Buffer) => {
        seen += data.toString();
        const found = hubUrlFrom(seen);
        if (found) resolve(found);
      });
      void exited.then(() => reject(new Error(`the hub exited before it was ready: ${seen}`)));
    });
    expect((await fetch(`${url}/api/openapi.json`)).status).toBe(200);
    // What the kernel does for a killed station: its end of the pipe closes.
    hub.stdin.end();
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    expect(code).toBe(0);
    await expect(fetch(`${url}/api/openapi.json`)).rejects.toThrow();
  });
});

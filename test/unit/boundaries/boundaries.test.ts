import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const violations = fileURLToPath(new URL('../../fixtures/boundary-violations', import.meta.url));
const bin = (name: string) => `${root}/node_modules/.bin/${name}`;

/** Runs a lint tool on the deliberate violations; the rules must refuse each one. */
function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('architecture boundaries (DESIGN §2)', () => {
  it('dependency-cruiser refuses each deliberate import violation', () => {
    const { status, output } = run(bin('depcruise'), ['--config', `${root}/.dependency-cruiser.cjs`, 'renderer', 'shared', 'electron', 'server'], violations);
    expect(status).not.toBe(0);
    const refused = [
      'renderer-stays-in-its-layer: renderer/imports-electron.ts',
      'renderer-has-no-node: renderer/imports-node.ts',
      'shared-is-pure: shared/imports-node.ts',
      'station-is-plain-node: electron/station/imports-electron.ts',
      'hub-is-independent: server/imports-renderer.ts',
      'node-hid-lives-in-the-scanner-service: electron/station/imports-node-hid.ts',
      'station-never-imports-the-hub: electron/station/imports-server.ts',
      'hub-services-know-no-http: server/services/imports-api.ts',
      'hub-services-know-no-http: server/sync/imports-api.ts',
    ];
    for (const line of refused) expect(output).toContain(line);
  });

  it('eslint refuses raw ipcMain outside the validated wrapper', () => {
    const { status, output } = run(bin('eslint'), ['--no-ignore', 'test/fixtures/boundary-violations/electron/main/raw-ipc.ts'], root);
    expect(status).toBe(1);
    expect(output).toContain("'ipcMain' import from 'electron' is restricted");
  });

  it('the real tree passes the same dependency rules', () => {
    const { status, output } = run(
      bin('depcruise'),
      ['--config', '.dependency-cruiser.cjs', 'electron', 'shared', 'renderer', 'server', 'scripts', 'test'],
      root,
    );
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});

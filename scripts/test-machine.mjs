// The machine the tests need, set up by the test command itself (`npm test` runs this first, and so does .ci/run):
// Debian's Chromium for the browser tests, a Japanese font so screenshots show no tofu, libusb/libudev for node-hid,
// PostgreSQL binaries (the storage and API tests start a throwaway cluster of their own), CUPS with cups-pdf and
// poppler/zbar (label tests print to a real queue, render with pdftoppm and decode every barcode with zbarimg), and a
// compiler for native modules that have no prebuilt binary (better-sqlite3 builds from source here).
// As root it installs what is missing; otherwise it prints the one command to run and stops.
import { spawnSync } from 'node:child_process';

export const testPackages = [
  'chromium',
  'fonts-noto-cjk',
  'libusb-1.0-0',
  'libudev1',
  'postgresql',
  'poppler-utils',
  'zbar-tools',
  'cups',
  'cups-bsd',
  'cups-client',
  'printer-driver-cups-pdf',
  'python3',
  'make',
  'g++',
];

function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (process.platform !== 'linux' || spawnSync('dpkg-query', ['--version']).status !== 0) {
  console.log('test machine: not Debian (no dpkg), so nothing is installed; the tests that need a missing tool say so');
  process.exit(0);
}
const missing = testPackages.filter((name) => !installed(name));
if (missing.length === 0) process.exit(0);
const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(
    `The tests need Debian packages that are missing: ${missing.join(', ')}.\nInstall them once, then run the tests again:\n  sudo sh -c '${command}'`,
  );
  process.exit(1);
}
console.log(`test machine: installing ${missing.join(' ')}`);
if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
  console.error(`test machine: could not install ${missing.join(' ')}`);
  process.exit(1);
}

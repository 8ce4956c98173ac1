// CI gate: runs `npm audit --omit=dev --json`, applies scripts/ci/audit-allowlist.json, prints what it found and
// exits 1 on a high or critical advisory that is not allowed, or when the audit could not run at all.
// Writes test-results/audit.json so the closing summary line (scripts/ci/summary.mjs) counts the audit.
// QWMS_AUDIT_REPORT=<file> reads a saved `npm audit --json` report instead of asking the registry.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAudit, evaluateAudit } from './ci/audit-policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const allowlistPath = join(root, 'scripts/ci/audit-allowlist.json');

function runAudit() {
  if (process.env.QWMS_AUDIT_REPORT) return readFileSync(process.env.QWMS_AUDIT_REPORT, 'utf8');
  try {
    return execFileSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // npm audit exits non-zero when it finds anything; its JSON is still on stdout.
    return typeof error.stdout === 'string' ? error.stdout : '';
  }
}

let report = null;
try {
  report = JSON.parse(runAudit());
} catch {
  report = null;
}
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
const result = evaluateAudit(report, allowlist, new Date().toISOString().slice(0, 10));
for (const line of describeAudit(result)) console.log(line);
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/audit.json'), JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);

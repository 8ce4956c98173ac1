// Prints the one closing line CI reads, `N passed, N failed, N skipped`, counted from vitest's JSON report (unit,
// integration and browser tests are all in it). A missing report means the run stopped before the tests: that is a
// failure, and is counted as one.
import { existsSync, readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
// The dependency audit (scripts/audit-check.mjs) is one more check: failed, or absent when it was asked for, it
// counts as one failure; not run because the advisory service did not answer, as one skipped.
const auditPath = process.argv[3];
let auditFailed = 0;
let auditSkipped = 0;
if (auditPath) {
  const audit = existsSync(auditPath) ? JSON.parse(readFileSync(auditPath, 'utf8')) : null;
  if (audit?.ok === true && audit.unavailable) {
    auditSkipped = 1;
    console.log(`npm audit not run (skipped): ${audit.unavailable}`);
  } else if (audit?.ok !== true) {
    auditFailed = 1;
    console.log(audit ? 'npm audit failed: a high/critical advisory not allowed, or the audit could not run (see above)' : `no audit report at ${auditPath}`);
  }
}
if (!existsSync(reportPath)) {
  console.log(`no test report at ${reportPath}: the checks before the tests failed (see above)`);
  console.log(`0 passed, ${1 + auditFailed} failed`);
  process.exit(0);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A test file that fails to load has no tests in the counts; count it as a failure so it cannot pass unseen.
const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles + auditFailed} failed, ${skipped + auditSkipped} skipped`);

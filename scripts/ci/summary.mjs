// Prints the one closing line CI reads, `N passed, N failed, N skipped`, counted from vitest's JSON report (unit,
// integration and browser tests are all in it). A missing report means the run stopped before the tests: that is a
// failure, and is counted as one.
import { existsSync, readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(reportPath)) {
  console.log(`no test report at ${reportPath}: the checks before the tests failed (see above)`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A test file that fails to load has no tests in the counts; count it as a failure so it cannot pass unseen.
const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${skipped} skipped`);

// A web-test-runner reporter that writes the run's totals (every test in every browser) to the
// file named by VERITY_TOTALS_FILE, so `npm test` can add up all runners.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) count(child, totals);
}

export function totalsReporter() {
  return {
    stop({ sessions }) {
      const file = process.env.VERITY_TOTALS_FILE;
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const failedBefore = totals.failed;
        count(session.testResults, totals);
        // A file that failed to load, or threw outside its tests, failed even if no test did.
        if (session.passed === false && totals.failed === failedBefore) totals.failed += 1;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

#!/usr/bin/env node
// Adds up the vitest JSON reports of a CI run (VITEST_REPORT_FILE of each step) into one closing line:
// `ci: N passed, N failed, N skipped`.
import { readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
process.stdout.write(`ci: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);

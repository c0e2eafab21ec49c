#!/usr/bin/env node
// Adds up the vitest JSON reports of a CI run (VITEST_REPORT_FILE of each step): one line per step, then the
// run's totals. The very last line is the plain 'N passed, N failed, N skipped' alone on its line, the closing
// line a log scanner reads to see how many tests this run executed (nothing may be printed after it). A run
// that executed none fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const step = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  process.stdout.write(`ci: step ${path.basename(file, '.json')}: ${report.testResults.length} files, ${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped\n`);
  for (const key of Object.keys(totals)) totals[key] += step[key];
}
const total = totals.passed + totals.failed + totals.skipped;
process.stdout.write(`ci: tests executed in this run: ${total} (${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped)\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
if (totals.passed === 0 || totals.failed > 0) process.exit(1);

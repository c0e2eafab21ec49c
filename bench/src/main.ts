// `make bench`: runs every benchmark in turn, prints its figures, then a table of every comparison, and writes them
// as JSON to BENCH_JSON (default bench/results/latest.json). `make bench ONLY=http` runs those whose name contains
// the filter.
import { formatTable, Results, resultsFile, writeResults } from './measure/results.js';
import { benchSettings } from './measure/settings.js';
import { benchmarks } from './registry.js';
import { repoPath } from './repo-path.js';

const only = process.env.ONLY ?? process.argv[2];
const selected = benchmarks.filter((b) => !only || b.name.includes(only));
if (selected.length === 0) {
  process.stderr.write(`no benchmark matches "${only}"; known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
const jsonPath = process.env.BENCH_JSON || repoPath('bench/results/latest.json');
const results = new Results();
const write = () => writeResults(jsonPath, resultsFile(results.entries, { ...benchSettings, only: only ?? null }));
const failed: string[] = [];
for (const bench of selected) {
  process.stdout.write(`\n## ${bench.name}\n`);
  results.startBench(bench.name);
  try {
    await bench.run(results);
  } catch (err) {
    // One broken bench does not cost the others' figures; the run still ends in failure.
    failed.push(bench.name);
    process.stderr.write(`${bench.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  await write(); // after each bench, so a later failure keeps what was measured
}
if (results.entries.length > 0) process.stdout.write(`\n## summary (medians over each entry's rounds; ratios against baselines measured in the same run)\n${formatTable(results.entries)}\n`);
process.stdout.write(`\nfigures written to ${jsonPath}\n`);
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}

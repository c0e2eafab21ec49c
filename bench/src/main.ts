// `make bench`: runs every benchmark in turn and prints its figures. `make bench ONLY=http` runs those whose
// name contains the filter.
import { benchmarks } from './registry.js';

const only = process.env.ONLY ?? process.argv[2];
const selected = benchmarks.filter((b) => !only || b.name.includes(only));
if (selected.length === 0) {
  process.stderr.write(`no benchmark matches "${only}"; known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
for (const bench of selected) {
  process.stdout.write(`\n## ${bench.name}\n`);
  await bench.run();
}

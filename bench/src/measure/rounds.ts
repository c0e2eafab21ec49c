// Several short rounds per subject, interleaved, reduced to the median with its spread: on a shared, noisy machine
// one long run measures the neighbours as much as the code; alternating subjects exposes them to the same noise.

/** One round's figure: throughput (`value`, in the subject's unit) and, where measured, its p99 latency. */
export interface Sample {
  value: number;
  p99Ms?: number;
  /** Requests or calls that failed in the round (counted in the throughput: they took their round trip too). */
  failures?: number;
}

export interface Subject {
  label: string;
  unit: string;
  run(): Promise<Sample>;
  /** A short load before the first round (JIT, pools, caches), not counted. */
  warmup?(): Promise<void>;
}

export interface Measured {
  label: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  /** Median of the rounds' p99s, when the subject reports one. */
  p99Ms?: number;
  /** Failures over all rounds. */
  failures: number;
  samples: number[];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs every subject `rounds` times, taking turns, the starting subject rotating each round (so no subject always
 * runs first, on a colder machine), and returns one Measured per subject in the order given.
 */
export async function measureRounds(subjects: Subject[], rounds: number): Promise<Measured[]> {
  const samples = subjects.map(() => [] as Sample[]);
  for (const subject of subjects) await subject.warmup?.();
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < subjects.length; k += 1) {
      const i = (round + k) % subjects.length;
      samples[i]!.push(await subjects[i]!.run());
    }
  }
  return subjects.map((subject, i) => summarize(subject.label, subject.unit, samples[i]!));
}

export function summarize(label: string, unit: string, samples: Sample[]): Measured {
  const values = samples.map((s) => s.value);
  const p99s = samples.flatMap((s) => (s.p99Ms === undefined ? [] : [s.p99Ms]));
  return {
    label,
    unit,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    ...(p99s.length > 0 ? { p99Ms: median(p99s) } : {}),
    failures: samples.reduce((sum, s) => sum + (s.failures ?? 0), 0),
    samples: values,
  };
}

/** `1234 req/s (1100-1300)   p99 12.3 ms`, aligned. */
export function formatMeasured(m: Measured): string {
  const spread = m.samples.length > 1 ? `(${m.min.toFixed(0)}-${m.max.toFixed(0)})` : '';
  const p99 = m.p99Ms === undefined ? '' : `   p99 ${m.p99Ms.toFixed(1).padStart(6)} ms`;
  const failures = m.failures > 0 ? `   ${m.failures} FAILED` : '';
  return `${m.label.padEnd(46)} ${m.median.toFixed(0).padStart(8)} ${m.unit.padEnd(9)} ${spread.padEnd(13)}${p99}${failures}`;
}

// The figures of one `make bench` run, as JSON for a check to read (bench/results/latest.json, or BENCH_JSON) and
// as the table printed at the end. One entry per comparison: the subject's median against its baseline's, measured
// in the same run.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatMeasured, type Measured } from './rounds.js';

export interface ResultEntry {
  /** Which benchmark (registry name) produced it. */
  bench: string;
  name: string;
  /** Median over the rounds. */
  value: number;
  unit: string;
  /** What it is compared against (null for a figure standing alone). */
  baseline: string | null;
  baseline_value: number | null;
  /** value / baseline_value: the figure to read on a noisy machine. */
  ratio: number | null;
  p99_ms?: number;
  baseline_p99_ms?: number;
  /** The ratio the performance issue asks for, where it names one. */
  target?: number;
  /** [min, max] over the rounds. */
  spread: [number, number];
  baseline_spread?: [number, number];
  rounds: number;
  /** Failed requests or calls of the subject over all rounds, when there were any. */
  failures?: number;
}

export interface ResultsFile {
  generated_at: string;
  host: { cpus: number; loadavg: number[]; node: string };
  settings: Record<string, unknown>;
  entries: ResultEntry[];
}

/** Collects the entries of a run; a benchmark adds to it through the one passed to its run(). */
export class Results {
  readonly entries: ResultEntry[] = [];
  private current = '';

  /** The registry name entries are filed under until the next call. */
  startBench(name: string): void {
    this.current = name;
  }

  /** `subject` against `baseline` (same unit), printed as a ratio line as well. */
  compare(name: string, subject: Measured, baseline: Measured, target?: number): ResultEntry {
    if (subject.unit !== baseline.unit) throw new Error(`${name}: cannot compare ${subject.unit} with ${baseline.unit}`);
    const ratio = baseline.median > 0 ? subject.median / baseline.median : null;
    const entry: ResultEntry = {
      bench: this.current,
      name,
      value: round(subject.median),
      unit: subject.unit,
      baseline: baseline.label,
      baseline_value: round(baseline.median),
      ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      ...(subject.p99Ms !== undefined ? { p99_ms: round(subject.p99Ms) } : {}),
      ...(baseline.p99Ms !== undefined ? { baseline_p99_ms: round(baseline.p99Ms) } : {}),
      ...(target !== undefined ? { target } : {}),
      spread: [round(subject.min), round(subject.max)],
      baseline_spread: [round(baseline.min), round(baseline.max)],
      rounds: subject.samples.length,
      ...(subject.failures > 0 ? { failures: subject.failures } : {}),
    };
    this.entries.push(entry);
    const goal = target === undefined ? '' : ` (target >= ${target}${ratio !== null && ratio >= target ? ', met' : ', not met'})`;
    console.log(`ratio ${name}: ${entry.ratio?.toFixed(3) ?? 'n/a'} of ${baseline.label}${goal}`);
    return entry;
  }

  /** A figure with no baseline of its own (still in the file, so a check sees it was measured). */
  single(name: string, subject: Measured): ResultEntry {
    const entry: ResultEntry = {
      bench: this.current,
      name,
      value: round(subject.median),
      unit: subject.unit,
      baseline: null,
      baseline_value: null,
      ratio: null,
      ...(subject.p99Ms !== undefined ? { p99_ms: round(subject.p99Ms) } : {}),
      spread: [round(subject.min), round(subject.max)],
      rounds: subject.samples.length,
      ...(subject.failures > 0 ? { failures: subject.failures } : {}),
    };
    this.entries.push(entry);
    return entry;
  }
}

const round = (n: number): number => Number(n.toFixed(2));

export function resultsFile(entries: ResultEntry[], settings: Record<string, unknown>): ResultsFile {
  return {
    generated_at: new Date().toISOString(),
    host: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
    settings,
    entries,
  };
}

export async function writeResults(file: string, content: ResultsFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** The closing table: one line per entry. */
export function formatTable(entries: ResultEntry[]): string {
  const header = `${'benchmark'.padEnd(52)} ${'value'.padStart(9)} ${'unit'.padEnd(9)} ${'baseline'.padEnd(40)} ${'base'.padStart(9)} ${'ratio'.padStart(6)} ${'p99 ms'.padStart(8)} ${'rounds'.padStart(6)}`;
  const rows = entries.map((e) =>
    [
      `${e.bench}: ${e.name}`.slice(0, 52).padEnd(52),
      e.value.toFixed(0).padStart(9),
      e.unit.padEnd(9),
      (e.baseline ?? '-').slice(0, 40).padEnd(40),
      (e.baseline_value?.toFixed(0) ?? '-').padStart(9),
      (e.ratio?.toFixed(3) ?? '-').padStart(6),
      (e.p99_ms?.toFixed(1) ?? '-').padStart(8),
      String(e.rounds).padStart(6),
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}

export { formatMeasured };

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The most the value may be (the least, for a `higher` metric such as a throughput); beyond it is a regression to look at. */
  budget: number | null;
  /** Higher is better (packages a second): the budget is a floor. */
  higher?: boolean;
}

/** Whether a metric is within its budget (always, without one). */
export function withinBudget(metric: Metric): boolean {
  if (metric.budget === null) return true;
  return metric.higher ? metric.value >= metric.budget : metric.value <= metric.budget;
}

export interface Benchmark {
  name: string;
  run(): Promise<Metric[]>;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function timeMs<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'planledger-bench-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs benchmark `name` of this bundle again in a child process, with `job` as JSON in the
 * environment variable `variable` (the child's run() takes it from there), so that what it
 * measures, its peak RSS above all, is its own. The child's metrics.
 */
export async function metricsFromChild(dir: string, name: string, variable: string, job: unknown): Promise<Metric[]> {
  const results = join(dir, `${name}-child-metrics.json`);
  await run(process.execPath, [process.argv[1] as string, '--only', name, '--out', results], {
    env: { ...process.env, [variable]: JSON.stringify(job) },
  });
  return (JSON.parse(readFileSync(results, 'utf8')) as { metrics: Metric[] }).metrics;
}

/** The value of the metric called `name`, NaN when there is none. */
export function metricValue(metrics: readonly Metric[], name: string): number {
  return metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
}

/**
 * The kernel's high-water mark of this process's memory (kB): the true peak, not a sample.
 * On Linux VmHWM, which belongs to this program image; getrusage's maxRSS would also carry
 * the parent's size from the fork that started us (folded in at exec).
 */
export function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

/**
 * A benchmark part of which runs again in a child process (metricsFromChild with the same
 * `variable`): with the job in the environment, run() is that part; otherwise it measures.
 */
export function benchmarkWithChild<Job>(
  name: string,
  variable: string,
  measure: (dir: string) => Promise<Metric[]>,
  inChild: (job: Job) => Promise<Metric[]>,
): Benchmark {
  return {
    name,
    run: () => {
      const job = process.env[variable];
      return job ? inChild(JSON.parse(job) as Job) : withTempDir(measure);
    },
  };
}

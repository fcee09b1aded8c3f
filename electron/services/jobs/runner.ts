import { randomUUID } from 'node:crypto';
import type { Job, JobKind, JobResult } from '../../../shared/api/calls/jobs';
import { AppError } from '../../../shared/api/errors';
import { errorDetails, type Logger } from '../../lib/log';

/** Reports how far a job is: `done` units out of `total` (bytes for copies; 0 = unknown), with the job's running tallies if it keeps any. */
export type JobProgress = (done: number, total: number, counts?: Record<string, number>) => void;

/** What a job of kind K produces, without the `kind` tag (the runner adds it). */
export type JobOutput<K extends JobKind> = Omit<Extract<JobResult, { kind: K }>, 'kind'>;

export type JobWork<K extends JobKind> = (progress: JobProgress, signal: AbortSignal) => Promise<JobOutput<K>>;

interface JobRecord {
  job: Job;
  controller: AbortController;
  finishedAt: number | null;
  settled: Promise<Job>;
}

/** How long a finished job can still be asked about. */
export const finishedJobRetentionMs = 10 * 60 * 1000;

/**
 * Long-running work in this process (copying evidence, writing reports), known by id so
 * the UI can poll its progress and cancel it. Nothing here survives a restart: a job that
 * was cut short leaves no half-written result (every job cleans up on abort).
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Starts `work` at once and returns its id; `work` must honour the signal and clean up on abort. */
  start<K extends JobKind>(kind: K, work: JobWork<K>): string {
    this.prune();
    const id = randomUUID();
    const controller = new AbortController();
    const job: Job = { id, kind, state: 'running', done: 0, total: 0, counts: null, error: null, result: null };
    const progress: JobProgress = (done, total, counts) => {
      if (job.state !== 'running') return;
      job.done = Math.max(0, done);
      job.total = Math.max(0, total);
      if (counts) job.counts = { ...counts };
    };
    const record: JobRecord = { job, controller, finishedAt: null, settled: Promise.resolve(job) };
    this.jobs.set(id, record);
    record.settled = (async () => {
      try {
        // Run on a later tick: start() returns the id before any work (or failure) happens.
        await Promise.resolve();
        // Cancelled before it began: the work never runs.
        controller.signal.throwIfAborted();
        const output = await work(progress, controller.signal);
        job.result = { kind, ...output } as unknown as JobResult;
        job.state = 'done';
        if (job.total > 0) job.done = job.total;
      } catch (error) {
        if (controller.signal.aborted) {
          job.state = 'cancelled';
        } else {
          job.state = 'failed';
          if (error instanceof AppError) {
            job.error = error.toApiError();
          } else {
            this.log.error('job failed', { kind, ...errorDetails(error) });
            job.error = new AppError('internal').toApiError();
          }
        }
      }
      record.finishedAt = this.clock();
      return job;
    })();
    return id;
  }

  /** A snapshot of the job; unknown or long-finished ids answer `job.not_found`. */
  get(id: string): Job {
    this.prune();
    const record = this.jobs.get(id);
    if (!record) throw new AppError('job.not_found');
    return structuredClone(record.job);
  }

  /** Asks the job to stop; it becomes `cancelled` once its work has cleaned up. */
  cancel(id: string): Job {
    const record = this.jobs.get(id);
    if (!record) throw new AppError('job.not_found');
    if (record.job.state === 'running') record.controller.abort();
    return structuredClone(record.job);
  }

  /** Resolves when the job has finished, whatever the outcome (for tests, the CLI and shutdown). */
  async settled(id: string): Promise<Job> {
    const record = this.jobs.get(id);
    if (!record) throw new AppError('job.not_found');
    return structuredClone(await record.settled);
  }

  /** Cancels everything still running and waits for it to clean up (on shutdown). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((record) => record.job.state === 'running');
    for (const record of running) record.controller.abort();
    await Promise.all(running.map((record) => record.settled));
  }

  private prune(): void {
    const now = this.clock();
    for (const [id, record] of this.jobs) {
      if (record.finishedAt !== null && now - record.finishedAt > finishedJobRetentionMs) this.jobs.delete(id);
    }
  }
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../shared/api/calls/jobs';
import { call } from './client';

/** How often a running job is asked how far it is. */
export const jobPollMs = 150;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Polls `jobs.get` until the job is no longer running and resolves with its final state.
 * `signal` stops the polling (not the job: use `jobs.cancel` for that).
 */
export async function pollJob(
  id: string,
  options: { onUpdate?: (job: Job) => void; signal?: AbortSignal; intervalMs?: number } = {},
): Promise<Job> {
  for (;;) {
    options.signal?.throwIfAborted();
    const job = await call('jobs.get', { id });
    options.onUpdate?.(job);
    if (job.state !== 'running') return job;
    await sleep(options.intervalMs ?? jobPollMs, options.signal);
  }
}

export interface JobHandle {
  /** The job being followed (updated every ~150 ms while it runs), or null before the first. */
  job: Job | null;
  /** Starts a job (`start` makes the call that returns its id) and resolves with its final state. */
  run(start: () => Promise<{ jobId: string }>): Promise<Job>;
  /** Asks the backend to stop the current job; `run` then resolves with state `cancelled`. */
  cancel(): Promise<void>;
  /** Forgets the finished job (hides its progress). */
  reset(): void;
}

/**
 * Follows one long-running backend job at a time (evidence copies, report exports): its
 * progress as React state, polled while it runs; polling stops when the component unmounts.
 */
export function useJob(): JobHandle {
  const [job, setJob] = useState<Job | null>(null);
  const current = useRef<string | null>(null);
  /** Cancel was asked for before the job's id was known: cancel it as soon as it is. */
  const cancelPending = useRef(false);
  const polling = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      polling.current?.abort();
    },
    [],
  );

  const run = useCallback(async (start: () => Promise<{ jobId: string }>) => {
    polling.current?.abort();
    const controller = new AbortController();
    polling.current = controller;
    cancelPending.current = false;
    current.current = null;
    const { jobId } = await start();
    current.current = jobId;
    if (cancelPending.current) await call('jobs.cancel', { id: jobId });
    return pollJob(jobId, {
      signal: controller.signal,
      onUpdate: (update) => {
        if (!controller.signal.aborted) setJob(update);
      },
    });
  }, []);

  const cancel = useCallback(async () => {
    const id = current.current;
    if (id) await call('jobs.cancel', { id });
    else cancelPending.current = true;
  }, []);

  const reset = useCallback(() => {
    current.current = null;
    cancelPending.current = false;
    setJob(null);
  }, []);

  return { job, run, cancel, reset };
}

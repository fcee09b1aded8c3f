import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { Attachment } from '../../../shared/api/calls/workspace';
import { Job } from '../../../shared/api/calls/jobs';
import { finishedJobRetentionMs, JobRunner } from '../../../electron/services/jobs/runner';
import type { Logger } from '../../../electron/lib/log';

const attachment: Attachment = {
  id: 1,
  taskId: null,
  name: 'a.pdf',
  size: 3,
  sha256: 'a'.repeat(64),
  mediaType: 'application/pdf',
  addedAt: '2016-09-01T01:30:00.000Z',
};

function recordingLog(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) };
}

describe('job runner', () => {
  it('runs work in the background, reports progress and keeps the typed result', async () => {
    const runner = new JobRunner(recordingLog());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const id = runner.start('evidence.add', async (progress) => {
      progress(1, 3);
      await gate;
      progress(2, 3);
      return { attachment };
    });
    expect(runner.get(id)).toMatchObject({ id, kind: 'evidence.add', state: 'running', done: 0, total: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runner.get(id)).toMatchObject({ state: 'running', done: 1, total: 3 });
    release();
    const final = await runner.settled(id);
    expect(final).toEqual({
      id,
      kind: 'evidence.add',
      state: 'done',
      done: 3,
      total: 3,
      counts: null,
      error: null,
      result: { kind: 'evidence.add', attachment },
    });
    expect(Job.parse(final)).toEqual(final);
    // Snapshots, not live objects.
    const snapshot = runner.get(id);
    snapshot.done = 99;
    expect(runner.get(id).done).toBe(3);
  });

  it('reports typed failures as they are and others as internal (logged)', async () => {
    const log = recordingLog();
    const runner = new JobRunner(log);
    const typed = runner.start('evidence.add', async () => {
      throw new AppError('file.too_large', { max: '2 GB' });
    });
    const broken = runner.start('evidence.add', async () => {
      throw new Error('disk exploded');
    });
    expect(await runner.settled(typed)).toMatchObject({
      state: 'failed',
      error: { code: 'file.too_large', params: { max: '2 GB' } },
      result: null,
    });
    expect(await runner.settled(broken)).toMatchObject({ state: 'failed', error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(log.errors).toEqual(['job failed']);
  });

  it('cancels through the signal; the job ends cancelled once its work has stopped', async () => {
    const runner = new JobRunner(recordingLog());
    let cleanedUp = false;
    const id = runner.start(
      'evidence.add',
      (_progress, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            cleanedUp = true;
            reject(signal.reason);
          });
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runner.cancel(id).state).toBe('running');
    expect(await runner.settled(id)).toMatchObject({ state: 'cancelled', error: null, result: null });
    expect(cleanedUp).toBe(true);
    // Cancelling a finished job changes nothing.
    expect(runner.cancel(id).state).toBe('cancelled');
  });

  it('never starts work that was cancelled before it began', async () => {
    const runner = new JobRunner(recordingLog());
    let started = false;
    const id = runner.start('evidence.add', async () => {
      started = true;
      return { attachment };
    });
    runner.cancel(id);
    expect(await runner.settled(id)).toMatchObject({ state: 'cancelled' });
    expect(started).toBe(false);
  });

  it('forgets finished jobs after ten minutes, never running ones', async () => {
    let now = 0;
    const runner = new JobRunner(recordingLog(), () => now);
    const done = runner.start('evidence.add', async () => ({ attachment }));
    const running = runner.start(
      'evidence.add',
      (_progress, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    );
    await runner.settled(done);
    now += finishedJobRetentionMs - 1;
    expect(runner.get(done).state).toBe('done');
    now += 2;
    expect(() => runner.get(done)).toThrow(expect.objectContaining({ code: 'job.not_found' }));
    expect(runner.get(running).state).toBe('running');
    await runner.cancelAll();
    expect(runner.get(running).state).toBe('cancelled');
  });
});

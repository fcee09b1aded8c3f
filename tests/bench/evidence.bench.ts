import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { callOrThrow, quietLog } from '../support/call';
import { round, withTempDir, type Benchmark } from './harness';

const MiB = 1024 * 1024;
const fileBytes = 200 * MiB;

/**
 * Adding a 200 MiB file as evidence: the copy streams, so the process grows by a buffer's
 * worth, not by the file. Peak RSS is sampled every 5 ms during the copy, against the RSS
 * just before it.
 */
export const evidenceBenchmark: Benchmark = {
  name: 'evidence',
  run: () =>
    withTempDir(async (dir) => {
      const backend = await openBackend({ dataDir: join(dir, 'data'), runtime: 'cli', logger: quietLog });
      try {
        await callOrThrow(backend.router, 'settings.update', { department: '经济和信息化' });
        // Sparse: takes no disk space and reads as zeros.
        const path = join(dir, 'scan-archive.zip');
        writeFileSync(path, '');
        truncateSync(path, fileBytes);
        const file = backend.ctx.files.registerExisting(path);

        globalThis.gc?.();
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 5);
        const started = performance.now();
        const { jobId } = await callOrThrow(backend.router, 'evidence.add', { fileId: file.id, measureCode: '2.1.1', taskId: null });
        const job = await backend.ctx.jobs.settled(jobId);
        const seconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        if (job.state !== 'done') throw new Error(`the benchmark copy ended ${job.state}: ${job.error?.code ?? ''}`);

        return [
          { name: 'evidence.add.200mb.mib_per_s', value: round(fileBytes / MiB / seconds), unit: 'MiB/s', budget: null },
          { name: 'evidence.add.200mb.rss_growth.mb', value: round((peak - before) / MiB), unit: 'MB', budget: 64 },
        ];
      } finally {
        await backend.close();
      }
    }),
};

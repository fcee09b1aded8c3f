import { openBackend } from '../../electron/backend/backend';
import { quietLog } from '../support/call';
import { percentile, round, timeMs, withTempDir, type Benchmark } from './harness';

/** Opening a data folder for the first time (create + migrate) and a warm API round trip. */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  run: () =>
    withTempDir(async (dir) => {
      const { ms: openMs, result: backend } = await timeMs(() => openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog }));
      try {
        const samples: number[] = [];
        for (let i = 0; i < 500; i += 1) {
          samples.push((await timeMs(() => backend.router.dispatch('settings.get', {}))).ms);
        }
        return [
          { name: 'app.open.fresh.ms', value: round(openMs), unit: 'ms', budget: 500 },
          { name: 'api.settings.get.p95.ms', value: round(percentile(samples, 95), 3), unit: 'ms', budget: 5 },
        ];
      } finally {
        await backend.close();
      }
    }),
};

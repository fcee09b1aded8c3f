import seedText from '../../seeds/shandong-2016-quality-action-plan.txt?raw';
import { openBackend } from '../../electron/app/backend';
import { parseSource, storePlan } from '../../electron/services/plan/import';
import { parsePlanText } from '../../shared/plan';
import { percentile, round, silentLog, timeMs, withTempDir, type Benchmark } from './harness';

const runs = 50;

/** Parsing the embedded plan, and parsing plus writing it into a fresh database. */
export const planBenchmark: Benchmark = {
  name: 'plan',
  async run() {
    parsePlanText(seedText);
    const parse: number[] = [];
    for (let i = 0; i < runs; i += 1) parse.push((await timeMs(() => parsePlanText(seedText))).ms);

    const imports: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      await withTempDir(async (dir) => {
        const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: silentLog });
        try {
          // The backend already holds the seed; import a copy with one changed byte so it is a new source.
          const bytes = Buffer.from(`${seedText}\n`, 'utf8');
          imports.push((await timeMs(async () => storePlan(backend.ctx, await parseSource(backend.db, bytes, 'seed-copy.txt')))).ms);
        } finally {
          backend.close();
        }
      });
    }
    return [
      { name: 'plan.parse.seed.ms', value: round(percentile(parse, 50)), unit: 'ms', budget: 50 },
      { name: 'plan.import.seed.ms', value: round(percentile(imports, 50)), unit: 'ms', budget: 200 },
    ];
  },
};

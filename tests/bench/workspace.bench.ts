import { openBackend } from '../../electron/backend/backend';
import type { CallName, CallRequest } from '../../shared/api/contract';
import { callOrThrow, quietLog } from '../support/call';
import { percentile, round, timeMs, withTempDir, type Benchmark } from './harness';
import { generateWorkspace, largeDataset, seeded } from './workspace-data';

const samples = 200;

/** Service-level latency of the screens a coordinator uses all day, on years' worth of data. */
export const workspaceBenchmark: Benchmark = {
  name: 'workspace',
  run: () =>
    withTempDir(async (dir) => {
      const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog });
      try {
        const { ms: generateMs } = await timeMs(() => generateWorkspace(backend.db, largeDataset, '经济和信息化'));
        backend.db.pragma('optimize');
        const call = <K extends CallName>(name: K, request: CallRequest<K>) => callOrThrow(backend.router, name, request);
        const dashboard = await call('workspace.dashboard', {});
        const codes = dashboard.measures.map((measure) => measure.code);
        const next = seeded(7);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
        const queries = ['质量', '标准化', '检验检测', '品牌', '企业', '电子商务', '服务', '资金', '会议纪要', '质', '推进农产品质量安全'];

        const measure = async (work: () => Promise<unknown>) => {
          await work();
          const times: number[] = [];
          for (let i = 0; i < samples; i += 1) times.push((await timeMs(work)).ms);
          return round(percentile(times, 95));
        };
        return [
          { name: 'workspace.generate.s', value: round(generateMs / 1000), unit: 's', budget: null },
          { name: 'workspace.dashboard.p95.ms', value: await measure(() => call('workspace.dashboard', {})), unit: 'ms', budget: 50 },
          {
            name: 'workspace.measure.p95.ms',
            value: await measure(() => call('workspace.measure', { code: pick(codes) })),
            unit: 'ms',
            budget: 50,
          },
          {
            name: 'workspace.search.p95.ms',
            value: await measure(() =>
              call('search.query', next() < 0.2 ? { q: pick(queries), statuses: ['in_progress'] } : { q: pick(queries) }),
            ),
            unit: 'ms',
            budget: 50,
          },
        ];
      } finally {
        await backend.close();
      }
    }),
};

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { receivePackages } from '../../electron/services/office/receive';
import { generateSigningKey, type SigningKey } from '../../electron/services/report/keys';
import { writeReportPackage } from '../../electron/services/report/package/write';
import { quietLog } from '../support/call';
import { round, withTempDir, type Benchmark } from './harness';

const packageCount = 1000;
const departmentCount = 27;
const months = 12;

/** Bytes that do not compress, like the photos and scans attached to tasks, the same every run. */
function pseudoRandom(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/**
 * An office receiving a batch of 1,000 packages: 27 departments over 12 months (every slot
 * two or three times, as corrections come in), each package with three small attachments
 * besides its report files. The packages are written once with the package writer (one key
 * per department); what is timed is receivePackages over the folder, as the inbox and the
 * CLI run it: copy, hash, verify the copy, read report.json, store, record.
 */
export const officeReceiveBenchmark: Benchmark = {
  name: 'office.receive',
  run: () =>
    withTempDir(async (dir) => {
      const inbox = join(dir, 'inbox');
      mkdirSync(inbox);
      const keys = new Map<number, SigningKey>();
      const planSha256 = createHash('sha256').update('bench plan').digest('hex');
      for (let index = 0; index < packageCount; index += 1) {
        const department = index % departmentCount;
        const month = Math.floor(index / departmentCount) % months;
        const version = Math.floor(index / (departmentCount * months));
        const key = keys.get(department) ?? generateSigningKey();
        keys.set(department, key);
        const name = `部门${String(department + 1).padStart(2, '0')}`;
        const monthText = String(month + 1).padStart(2, '0');
        const report = JSON.stringify({ department: name, period: `2016-${monthText}`, version, measures: [] });
        await writeReportPackage({
          outFile: join(inbox, `${name}-2016-${monthText}-${version}.plreport`),
          entries: [
            { path: 'report.json', data: report },
            { path: 'report.html', data: `<!doctype html><meta charset="utf-8"><p>${name} 2016年${month + 1}月 第${version + 1}版</p>` },
            { path: 'attachments/现场照片.jpg', data: pseudoRandom(6000, index * 3 + 1) },
            { path: 'attachments/扫描件.pdf', data: pseudoRandom(4000, index * 3 + 2) },
            { path: 'attachments/会议纪要.txt', data: `会议纪要 ${index}\n`.repeat(50) },
          ],
          manifest: {
            plan: { title: '质量强省行动计划', docNumber: null, sha256: planSha256 },
            department: name,
            period: {
              from: `2016-${monthText}-01`,
              to: `2016-${monthText}-${new Date(Date.UTC(2016, month + 1, 0)).getUTCDate()}`,
              label: `2016年${month + 1}月`,
            },
            generatedAt: new Date(Date.UTC(2016, month + 1, 1 + version, 1, 0, 0)).toISOString(),
            generator: { name: 'PlanLedger', version: '0.1.0' },
            summary: { measures: 3, tasks: 10, tasksDone: version + 5, attachments: 3 },
          },
          signer: key,
        });
      }

      const backend = await openBackend({ dataDir: join(dir, 'office'), runtime: 'cli', logger: quietLog });
      try {
        const started = performance.now();
        const summary = await receivePackages(backend.ctx, [{ path: inbox, name: 'inbox' }]);
        const seconds = (performance.now() - started) / 1000;
        if (summary.accepted !== packageCount)
          throw new Error(`the benchmark batch was not all accepted: ${JSON.stringify(summary.items[0])}`);
        return [
          { name: 'office.receive.seconds', value: round(seconds), unit: 's', budget: null },
          // Higher is better: the budget (the most a value may be) is on the time per package, 50 ms = 20 packages/s.
          { name: 'office.receive.packages_per_s', value: round(packageCount / seconds), unit: '/s', budget: null },
          { name: 'office.receive.ms_per_package', value: round((seconds * 1000) / packageCount), unit: 'ms', budget: 50 },
        ];
      } finally {
        await backend.close();
      }
    }),
};

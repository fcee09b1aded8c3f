import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/program';
import { useBackends } from '../support/backend';
import { useTempDirs } from '../support/temp';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
const passphrase = '省质监局报送口令2016';

describe('closing the backend', () => {
  it('waits for a running export to clean up, leaving no partial file in the user’s folder', async () => {
    const backend = await openTestBackend({ now: () => new Date(2016, 8, 1, 10, 0, 0) });
    await backend.call('settings.update', { department: '经济和信息化', operator: '张三' });
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['组织计量测试中心建设'] });
    const evidence = join(tempDir(), '现场照片.bin');
    writeFileSync(evidence, randomBytes(48 * 1024 * 1024));
    const added = await backend.call('evidence.add', {
      fileId: backend.ctx.files.registerExisting(evidence).id,
      measureCode: '2.1.1',
      taskId: task!.id,
    });
    expect((await backend.ctx.jobs.settled(added.jobId)).state).toBe('done');
    await backend.call('reports.createKey', { passphrase });

    const outDir = tempDir();
    const target = backend.ctx.files.registerSaveTarget(join(outDir, '报告.plreport'));
    const { jobId } = await backend.call('reports.export', { period: '2016-H2', targetId: target.id, passphrase });
    // Hang guard only: wait until the package is being written.
    for (let i = 0; i < 10_000 && backend.ctx.jobs.get(jobId).done === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(backend.ctx.jobs.get(jobId).state).toBe('running');

    await backend.close();
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('cancels a command-line export on Ctrl+C: no file is left and the exit status is 130', async () => {
    const dataDir = tempDir();
    const backend = await openTestBackend({ dataDir });
    await backend.call('settings.update', { department: '经济和信息化' });
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['组织计量测试中心建设'] });
    const evidence = join(tempDir(), '现场照片.bin');
    writeFileSync(evidence, randomBytes(16 * 1024 * 1024));
    const added = await backend.call('evidence.add', {
      fileId: backend.ctx.files.registerExisting(evidence).id,
      measureCode: '2.1.1',
      taskId: task!.id,
    });
    expect((await backend.ctx.jobs.settled(added.jobId)).state).toBe('done');
    await backend.close();

    const outDir = tempDir();
    let stderr = '';
    let listening = false;
    const code = await runCli(
      ['export', '--data-dir', dataDir, '--department', '经济和信息化', '--period', '2016', '--out', join(outDir, '报告.plreport')],
      {
        stdout: () => undefined,
        stderr: (text) => {
          stderr += text;
        },
        env: { PLANLEDGER_PASSPHRASE: passphrase },
        progress: true,
        // The user presses Ctrl+C as soon as the export runs.
        onInterrupt: (handler) => {
          listening = true;
          setImmediate(handler);
          return () => {
            listening = false;
          };
        },
      },
    );
    expect(code).toBe(130);
    expect(stderr).toContain('已取消导出，未留下任何文件。');
    expect(listening).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

// A process that writes tasks as fast as it can and says which writes are committed.
// tests/integration/crash.test.ts kills it with SIGKILL at random moments and then checks the data.
import { writeSync } from 'node:fs';
import { openBackend } from '../../../electron/backend/backend';
import { callOrThrow, quietLog } from '../../support/call';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-writer DATA_DIR');
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  await callOrThrow(backend.router, 'settings.update', { department: '经济和信息化' });
  writeSync(1, 'ready\n');
  for (let n = 0; ; n += 1) {
    const [task] = await callOrThrow(backend.router, 'tasks.create', { measureCode: '2.1.1', texts: [`写入 ${process.pid}-${n}`] });
    if (!task) throw new Error('tasks.create returned no task');
    await callOrThrow(backend.router, 'tasks.update', { id: task.id, patch: { status: 'in_progress', notes: '备注'.repeat(n % 300) } });
    // Reported only after both transactions returned, i.e. committed.
    writeSync(1, `committed ${task.id}\n`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `${String(error)}\n`);
  process.exit(2);
});

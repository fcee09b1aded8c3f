import type { TaskPatch } from '../../shared/api/calls/workspace';
import type { Db } from '../../electron/db/database';
import { insertAttachment, insertBlobIfMissing } from '../../electron/db/repos/attachments';
import { ledgerMeasures, type LedgerMeasureRow } from '../../electron/db/repos/ledger-export';
import { insertTask, updateTaskField } from '../../electron/db/repos/tasks';
import type { Scope } from '../../electron/services/workspace/scope';
import { scopeFor } from '../../electron/services/workspace/scope';
import type { TestBackend } from './backend';

/**
 * Ledgers to export: a small one with every kind of cell a coordinator types (through the
 * real calls, so history and timestamps are the app's own), and a large one seeded straight
 * through the repos in one transaction for benches.
 */

export const ledgerDepartment = '质监';
export const ledgerUnitName = '山东省质量技术监督局';

/** Task texts and fields that a spreadsheet could get wrong: formula-like text, line breaks, every status. */
export const sampleTasks: { text: string; patch: TaskPatch }[] = [
  {
    text: '制定质量提升实施方案',
    patch: { status: 'done', progress: 100, owner: '王五', due: '2016-09-30', notes: '已印发\n鲁质监发〔2016〕12号' },
  },
  {
    text: '=SUM(A1:A9) 不是公式',
    patch: { status: 'in_progress', progress: 40, owner: '+86 0531', due: '2016-12-31', notes: '-减号开头' },
  },
  { text: '@提及 也不是公式', patch: { status: 'blocked', progress: 15, owner: '李四', notes: '等待财政资金\n第二行\n第三行' } },
  { text: '开展质量月活动', patch: { owner: '赵六', due: '2017-03-31', notes: '附件 plan_x0041_.pdf 名称照录' } },
];

export interface SeededLedger {
  measures: LedgerMeasureRow[];
  /** Codes of the measures that got tasks: the first gets all of sampleTasks, the second one task. */
  withTasks: string[];
}

/** 质监 with its 单位全称 set, tasks in two measures (one deleted again), and one evidence file on a task. */
export async function seedSampleLedger(backend: TestBackend): Promise<SeededLedger> {
  await backend.call('settings.update', { department: ledgerDepartment, operator: '张三' });
  await backend.call('settings.update', { unitName: { department: ledgerDepartment, fullName: ledgerUnitName } });
  const db = backend.ctx.db;
  const scope = scopeFor(db, ledgerDepartment);
  const measures = ledgerMeasures(db, { ...scope, today: '2017-01-15' });
  const [first, second] = measures as [LedgerMeasureRow, LedgerMeasureRow];
  const created = await backend.call('tasks.create', { measureCode: first.code, texts: sampleTasks.map((task) => task.text) });
  for (const [index, task] of created.entries()) await backend.call('tasks.update', { id: task.id, patch: sampleTasks[index]!.patch });
  const [kept, removed] = await backend.call('tasks.create', { measureCode: second.code, texts: ['建立质量档案', '已删除的任务'] });
  await backend.call('tasks.update', { id: kept!.id, patch: { status: 'in_progress', progress: 60, due: '2016-10-31' } });
  await backend.call('tasks.delete', { id: removed!.id });
  addEvidence(db, scope, first.id, created[0]!.id, 'a'.repeat(64), '实施方案.pdf');
  addEvidence(db, scope, first.id, null, 'b'.repeat(64), '措施总结.docx');
  return { measures: ledgerMeasures(db, { ...scope, today: '2017-01-15' }), withTasks: [first.code, second.code] };
}

function addEvidence(db: Db, scope: Scope, measureId: number, taskId: number | null, sha256: string, name: string): void {
  const now = new Date().toISOString();
  insertBlobIfMissing(db, { sha256, size: 10, now });
  insertAttachment(db, { departmentId: scope.departmentId, measureId, taskId, sha256, name, size: 10, now });
}

const statuses = ['not_started', 'in_progress', 'done', 'blocked'] as const;

/**
 * `count` tasks spread over the department's measures, straight through the repos in one
 * transaction (no history: a bench of the export, not of typing). Every fourth has notes.
 */
export function seedManyTasks(db: Db, department: string, count: number): void {
  const scope = scopeFor(db, department);
  const measures = ledgerMeasures(db, { ...scope, today: '2017-01-15' });
  const now = '2016-11-02T03:04:05.000Z';
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const measure = measures[index % measures.length] as LedgerMeasureRow;
      const id = insertTask(db, {
        measureId: measure.id,
        departmentId: scope.departmentId,
        position: Math.floor(index / measures.length),
        text: `第 ${String(index + 1)} 项任务:按照行动计划要求推进质量提升工作`,
        now,
      });
      updateTaskField(db, id, 'status', statuses[index % statuses.length] as string, now);
      updateTaskField(db, id, 'progress', (index * 7) % 101, now);
      updateTaskField(db, id, 'owner', `责任人${String(index % 50)}`, now);
      updateTaskField(db, id, 'due', `2016-${String((index % 12) + 1).padStart(2, '0')}-15`, now);
      if (index % 4 === 0) updateTaskField(db, id, 'notes', `备注 ${String(index)}\n第二行说明`, now);
    }
  })();
}

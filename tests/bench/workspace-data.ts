import seedText from '../../seeds/shandong-2016-quality-action-plan.txt?raw';
import type { Db } from '../../electron/db/database';
import { ensureDepartment } from '../../electron/db/repos/departments';
import { appendEntry } from '../../electron/db/repos/entries';
import { insertMeasure, insertMeasureDepartment, insertPlan } from '../../electron/db/repos/plans';
import { insertTask } from '../../electron/db/repos/tasks';
import { writeSetting } from '../../electron/db/repos/settings';
import { seedDepartmentNames } from '../support/seed';

export interface DatasetSize {
  plans: number;
  measuresPerPlan: number;
  tasks: number;
  entries: number;
  attachments: number;
}

export const largeDataset: DatasetSize = { plans: 20, measuresPerPlan: 200, tasks: 50_000, entries: 200_000, attachments: 20_000 };

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Real Chinese sentences from the embedded plan, to give the text realistic trigrams. */
const sentences = seedText
  .split(/[。；\n]/u)
  .map((sentence) => sentence.trim())
  .filter((sentence) => sentence.length >= 8 && sentence.length <= 120);

const statuses = ['not_started', 'in_progress', 'done', 'blocked'] as const;
const owners = ['王科长', '李处长', '张主任', '赵科员', '刘副处长', '陈科长', '杨主任', '黄处长'];

/**
 * A data set the size of years of use: plans with measures assigned to several of the 27
 * departments, tasks, their history and evidence records — written through the same
 * repository functions the app uses, in one transaction.
 */
export function generateWorkspace(db: Db, size: DatasetSize, focusDepartment: string): { planId: number; departmentId: number } {
  const next = seeded(20160707);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const at = (day: number) => new Date(Date.UTC(2016, 6, 7) + day * 86_400_000).toISOString();

  return db.transaction(() => {
    const departmentIds = seedDepartmentNames.map((name) => ensureDepartment(db, name));
    const focusId = ensureDepartment(db, focusDepartment);
    const measures: { id: number; departments: number[] }[] = [];
    let lastPlan = 0;
    for (let p = 0; p < size.plans; p += 1) {
      lastPlan = insertPlan(db, {
        title: `基准测试行动计划(第 ${p + 1} 号)`,
        docNumber: `测试〔${2016 + p}〕${p + 1}号`,
        issuer: '基准测试办公厅',
        issuedOn: `${2016 + (p % 10)}-07-07`,
        sourceName: `bench-${p}.txt`,
        sourceKind: 'text',
        sourceSha256: `${p}`.padStart(64, '0'),
        sourceText: '',
        content: JSON.stringify({ deadlines: [{ date: `${2017 + (p % 10)}-01-31`, text: '报送', recipient: '基准测试办公室' }] }),
        importedAt: at(p),
      });
      for (let m = 0; m < size.measuresPerPlan; m += 1) {
        const group = Math.floor(m / 20);
        const text = Array.from({ length: 4 }, () => pick(sentences)).join('。');
        const id = insertMeasure(db, {
          planId: lastPlan,
          ordinal: m,
          code: `2.${group + 1}.${(m % 20) + 1}`,
          label: `(${group + 1})${(m % 20) + 1}`,
          chapter: '主要措施',
          group: `第 ${group + 1} 组措施`,
          title: pick(sentences).slice(0, 24),
          text,
          due: null,
          candidateTasks: '[]',
        });
        const assigned = new Set<number>([focusId]);
        while (assigned.size < 3 + Math.floor(next() * 4)) assigned.add(pick(departmentIds));
        [...assigned].forEach((departmentId, ordinal) =>
          insertMeasureDepartment(db, {
            measureId: id,
            departmentId,
            ordinal,
            role: ordinal === 0 ? 'lead' : 'responsible',
            writtenAs: '',
          }),
        );
        measures.push({ id, departments: [...assigned] });
      }
    }

    const tasks: { id: number; measureId: number; departmentId: number }[] = [];
    for (let t = 0; t < size.tasks; t += 1) {
      const measure = pick(measures);
      const departmentId = pick(measure.departments);
      const id = insertTask(db, { measureId: measure.id, departmentId, position: t, text: pick(sentences), now: at(t % 3000) });
      const status = pick(statuses);
      db.prepare('UPDATE task SET status = ?, owner = ?, due = ?, notes = ?, progress = ? WHERE id = ?').run(
        status,
        pick(owners),
        at(Math.floor(next() * 4000)).slice(0, 10),
        next() < 0.4 ? pick(sentences) : '',
        status === 'done' ? 100 : Math.floor(next() * 10) * 10,
        id,
      );
      tasks.push({ id, measureId: measure.id, departmentId });
    }

    for (let e = 0; e < size.entries; e += 1) {
      const task = pick(tasks);
      appendEntry(db, {
        at: at(e % 4000),
        actor: pick(owners),
        departmentId: task.departmentId,
        measureId: task.measureId,
        taskId: task.id,
        action: 'task.update',
        field: 'status',
        oldValue: pick(statuses),
        newValue: pick(statuses),
      });
    }

    const blob = db.prepare('INSERT OR IGNORE INTO blob (sha256, size, created_at) VALUES (?, ?, ?)');
    const attachment = db.prepare(
      'INSERT INTO attachment (department_id, measure_id, task_id, sha256, name, size, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let a = 0; a < size.attachments; a += 1) {
      const task = pick(tasks);
      const sha = (a % 5000).toString(16).padStart(64, 'a');
      blob.run(sha, 1000 + a, at(a % 4000));
      attachment.run(
        task.departmentId,
        task.measureId,
        task.id,
        sha,
        `${pick(['会议纪要', '工作方案', '现场照片', '统计报表'])}-${a}.pdf`,
        1000 + a,
        at(a % 4000),
      );
    }

    writeSetting(db, 'activePlanId', lastPlan);
    writeSetting(db, 'department', focusDepartment);
    return { planId: lastPlan, departmentId: focusId };
  })();
}

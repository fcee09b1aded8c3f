import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanJson } from '../../../shared/plan';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

const root = resolve(import.meta.dirname, '../../..');

/** The npm script exactly as the issue spells it: stdout carries the plan JSON and nothing else. */
function npmPlanledger(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'planledger', '--', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run --silent planledger', () => {
  it('prints only the plan JSON for parse-plan', () => {
    const result = npmPlanledger(['parse-plan', 'seeds/shandong-2016-quality-action-plan.txt']);
    expect(result.status).toBe(0);
    const plan = parsePlanJson(result.stdout);
    expect(plan.measures).toHaveLength(17);
    expect(plan.docNumber).toBe('鲁政办字〔2016〕103号');
  });

  it('exits non-zero with one clear line for a file without structure', () => {
    const prose = join(tempDir(), 'prose.txt');
    writeFileSync(prose, '这是一段没有任何层次编号的普通文字,不是行动计划。'.repeat(40));
    const result = npmPlanledger(['parse-plan', prose]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^错误：/u);
  });
});

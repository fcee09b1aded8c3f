import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured as run } from '../support/cli';
import { SOFFICE_TIMEOUT_MS, writeDoc } from '../support/plan-fixtures/doc';
import { writeWebPage } from '../support/plan-fixtures/html';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const SEED = 'seeds/shandong-2016-quality-action-plan.txt';
const seedText = () => readFileSync(SEED, 'utf8');

describe('parse-plan reads web pages and Word 97 documents', () => {
  it('prints the seed’s plan for the seed saved as a web page (UTF-8, GBK) and as MHTML', async () => {
    const expected = await run(['parse-plan', SEED]);
    expect(expected.code).toBe(0);
    const dir = tempDir();
    for (const [name, encoding] of [
      ['seed.html', 'utf-8'],
      ['政策文件.htm', 'gbk'],
      ['seed.mhtml', 'gbk'],
    ] as const) {
      const result = await run(['parse-plan', writeWebPage(dir, name, seedText(), { encoding })]);
      expect([result.code, result.stderr], name).toEqual([0, '']);
      expect(result.stdout, name).toBe(expected.stdout);
    }
  });

  it(
    'prints the seed’s plan for the seed saved as .doc, and the same file named .wps',
    async () => {
      const expected = await run(['parse-plan', SEED]);
      const dir = tempDir();
      const doc = await writeDoc(dir, 'seed.doc', seedText(), { header: '山东省人民政府办公厅文件', pageNumbers: true });
      const wps = join(dir, 'seed.wps');
      writeFileSync(wps, readFileSync(doc));
      for (const file of [doc, wps]) {
        const result = await run(['parse-plan', file]);
        expect([result.code, result.stderr], file).toEqual([0, '']);
        expect(result.stdout, file).toBe(expected.stdout);
      }
    },
    SOFFICE_TIMEOUT_MS,
  );

  it('refuses a .doc that is really an executable in one sentence, in the user’s language', async () => {
    const file = join(tempDir(), '方案.doc');
    writeFileSync(file, Buffer.concat([Buffer.from('MZ'), randomBytes(200_000)]));
    const zh = await run(['parse-plan', file]);
    expect([zh.code, zh.stdout]).toEqual([1, '']);
    expect(zh.stderr).toMatch(/^错误：该文件的扩展名是 Word 文档，但内容不是可以读取的 Word 文档.*。\n$/u);
    const en = await run(['parse-plan', file, '--lang', 'en']);
    expect(en.stderr).toMatch(/^Error: This file is named as a Word document but is not a readable one/u);
  });
});

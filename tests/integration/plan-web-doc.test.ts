import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../shared/plan';
import { expectApiError, useBackends, type TestBackend } from '../support/backend';
import { WEB_CHROME, writeWebPage } from '../support/plan-fixtures/html';
import { useTempDirs } from '../support/temp';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
const seedText = () => readFileSync('seeds/shandong-2016-quality-action-plan.txt', 'utf8');

function register(backend: TestBackend, path: string): string {
  return backend.ctx.files.registerExisting(path).id;
}

describe('importing a plan from a saved web page', () => {
  it('previews the seed’s page with its plan, the html reader, and the site around it as dropped web chrome', async () => {
    const backend = await openTestBackend();
    const path = writeWebPage(tempDir(), '山东省人民政府办公厅关于印发….htm', seedText(), { encoding: 'gbk' });
    const preview = await backend.call('plans.preview', { fileId: register(backend, path) });
    expect(preview.reader).toBe('html');
    expect(preview.plan).toEqual(parsePlanText(seedText()).plan);
    expect(preview.warnings).toEqual([]);
    const chrome = preview.dropped.filter((d) => d.kind === 'web_chrome').map((d) => d.text);
    expect(chrome.some((text) => text.includes('要闻动态'))).toBe(true);
    expect(chrome.some((text) => text.includes(WEB_CHROME.footer))).toBe(true);
    // The same plan as the embedded one: importing it switches to that one.
    expect(preview.existing).not.toBeNull();
  });

  it('refuses an executable named .doc and a page nested a million deep, importing nothing', async () => {
    const backend = await openTestBackend();
    const before = await backend.call('plans.list', {});
    const dir = tempDir();
    const exe = join(dir, '方案.doc');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ'), randomBytes(100_000)]));
    await expectApiError(backend.call('plans.preview', { fileId: register(backend, exe) }), 'plan.doc_invalid');
    const deep = join(dir, 'deep.html');
    writeFileSync(deep, `<html><body>${'<div>'.repeat(1_000_000)}文字</body></html>`);
    await expectApiError(backend.call('plans.preview', { fileId: register(backend, deep) }), 'plan.no_structure');
    expect(await backend.call('plans.list', {})).toEqual(before);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanJson, planSchema } from '../../shared/plan';
import { expectApiError, useBackends, type TestBackend } from '../support/backend';
import { seedDepartmentNames } from '../support/seed';
import { useTempDirs } from '../support/temp';
import { buildDocx, fixtureBytes, seedText } from '../unit/plan/helpers';
import { buildOfd, ofdParts, zipParts } from '../support/plan-fixtures/ofd';

const openTestBackend = useBackends();
const tempDir = useTempDirs();

function fileFor(backend: TestBackend, name: string, bytes: Uint8Array | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return backend.ctx.files.registerExisting(path).id;
}

describe('plans', () => {
  it('loads the embedded plan on first run and makes it active', async () => {
    const backend = await openTestBackend();
    const active = await backend.call('plans.active', {});
    expect(active).toMatchObject({
      title: '山东省贯彻实施质量发展纲要2016年行动计划',
      docNumber: '鲁政办字〔2016〕103号',
      issuer: '山东省人民政府办公厅',
      issuedOn: '2016-07-07',
      measureCount: 17,
      departmentCount: 27,
      sourceName: 'shandong-2016-quality-action-plan.txt',
    });
    const departments = await backend.call('plans.departments', {});
    expect(departments.map((d) => d.name)).toEqual(seedDepartmentNames);
    expect(departments.find((d) => d.name === '经济和信息化')?.measureCount).toBe(11);
    expect(departments.find((d) => d.name === '质监')?.measureCount).toBe(11);
    expect(departments.find((d) => d.name === '发展改革')?.aliases).toEqual(['发展和改革']);
    expect((await backend.call('plans.list', {})).plans).toHaveLength(1);
    // The measures in the plan's order (the office's roll-up picks one), each with its departments counted.
    const measures = await backend.call('plans.measures', {});
    expect(measures).toHaveLength(17);
    expect(measures[0]).toMatchObject({ code: '2.1.1' });
    expect(measures.every((measure) => measure.departmentCount > 0 && measure.title.length > 0)).toBe(true);
  });

  it('does not load the embedded plan again on later starts', async () => {
    const first = await openTestBackend();
    const dataDir = first.layout.dataDir;
    await first.close();
    const again = await openTestBackend({ dataDir });
    expect((await again.call('plans.list', {})).plans).toHaveLength(1);
  });

  it('previews an import with its warnings, imports it once, and re-importing duplicates nothing', async () => {
    const backend = await openTestBackend();
    const text = `${new TextDecoder().decode(fixtureBytes('standalone-plan.txt'))}\n这一段无处安放的文字会成为提示。\n`;
    const preview = await backend.call('plans.preview', { fileId: fileFor(backend, '方案.txt', text) });
    expect(preview.plan.title).toBe('某某县农村人居环境整治三年行动方案(2018—2020年)');
    expect(preview.existing).toBeNull();
    expect(preview.warnings.some((warning) => warning.code === 'plan.unplaced_paragraph')).toBe(true);

    const imported = await backend.call('plans.import', { previewId: preview.previewId });
    expect(imported.created).toBe(true);
    expect(await backend.call('plans.active', {})).toMatchObject({ id: imported.plan.id, measureCount: 2 });

    const again = await backend.call('plans.preview', { fileId: fileFor(backend, 'copy.txt', text) });
    expect(again.existing).toEqual({ id: imported.plan.id, title: imported.plan.title });
    const reimported = await backend.call('plans.import', { previewId: again.previewId });
    expect(reimported).toMatchObject({ created: false, plan: { id: imported.plan.id } });
    expect((await backend.call('plans.list', {})).plans).toHaveLength(2);
    const counts = backend.db.prepare('SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM measure) AS measures').get();
    expect(counts).toEqual({ plans: 2, measures: 19 });
  });

  it('reads GB18030 text and Word documents', async () => {
    const backend = await openTestBackend();
    const gb = await backend.call('plans.preview', { fileId: fileFor(backend, 'gb.txt', fixtureBytes('shandong-2016-gb18030.txt')) });
    expect(gb.plan.measures).toHaveLength(17);
    expect(gb.plan.docNumber).toBe('鲁政办字〔2016〕103号');

    const docx = await buildDocx([
      '测试行动方案',
      '一、主要任务',
      '1.建立工作台账。(省质监局负责)',
      '2.按月调度。(省财政厅、省商务厅负责)',
    ]);
    const preview = await backend.call('plans.preview', { fileId: fileFor(backend, '方案.docx', docx) });
    expect(preview.plan.measures.map((m) => m.departments.map((d) => d.name))).toEqual([['省质监局'], ['省财政厅', '省商务厅']]);
  });

  it('previews the seed circular as an OFD file, naming its reader and the page numbers it dropped', async () => {
    const backend = await openTestBackend();
    const preview = await backend.call('plans.preview', {
      fileId: fileFor(backend, '鲁政办字〔2016〕103号.ofd', await buildOfd(seedText())),
    });
    expect(preview.reader).toBe('ofd');
    expect(preview.plan.measures).toHaveLength(17);
    expect(preview.plan.docNumber).toBe('鲁政办字〔2016〕103号');
    expect(preview.dropped.slice(0, 2)).toEqual([
      { kind: 'page_number', text: '— 1 —', page: 1, line: null },
      { kind: 'page_number', text: '— 2 —', page: 2, line: null },
    ]);
  });

  it('refuses an OFD file whose page leaves the package, and imports nothing', async () => {
    const backend = await openTestBackend();
    const before = await backend.call('plans.list', {});
    const parts = ofdParts('测试行动方案\n一、主要任务\n1.建立工作台账。(省质监局负责)').map((part) =>
      part.name === 'Doc_0/Document.xml'
        ? { ...part, data: Buffer.from(String(part.data).replace(/BaseLoc="[^"]+"/u, 'BaseLoc="../../etc/passwd"')) }
        : part,
    );
    await expectApiError(
      backend.call('plans.preview', { fileId: fileFor(backend, 'plan.ofd', await zipParts(parts)) }),
      'plan.ofd_invalid',
    );
    expect(await backend.call('plans.list', {})).toEqual(before);
  });

  it('refuses junk with a clear error and changes nothing', async () => {
    const backend = await openTestBackend();
    const before = await backend.call('plans.list', {});
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expectApiError(backend.call('plans.preview', { fileId: fileFor(backend, 'junk.bin', junk) }), 'plan.binary');
    await expectApiError(backend.call('plans.preview', { fileId: fileFor(backend, 'empty.txt', '') }), 'plan.empty');
    await expectApiError(
      backend.call('plans.preview', { fileId: fileFor(backend, 'prose.txt', '没有任何编号的普通文字。'.repeat(50)) }),
      'plan.no_structure',
    );
    await expectApiError(backend.call('plans.preview', { fileId: 'no-such-file-id' }), 'file.expired');
    await expectApiError(backend.call('plans.import', { previewId: 'unknown-preview' }), 'plan.preview_expired');
    expect(await backend.call('plans.list', {})).toEqual(before);
  });

  it('says what to do when a chosen file or a preview has expired, without showing ids', async () => {
    const backend = await openTestBackend();
    const fileId = fileFor(backend, '方案.txt', fixtureBytes('standalone-plan.txt'));
    const preview = await backend.call('plans.preview', { fileId });
    // The file was consumed by the preview; the preview by the import.
    const expiredFile = backend.call('plans.preview', { fileId });
    await expectApiError(expiredFile, 'file.expired');
    await backend.call('plans.import', { previewId: preview.previewId });
    const expiredPreview = backend.call('plans.import', { previewId: preview.previewId });
    await expectApiError(expiredPreview, 'plan.preview_expired');
    for (const failed of [expiredFile, expiredPreview]) {
      const { apiError } = (await failed.catch((error: unknown) => error)) as { apiError: { params: Record<string, unknown> } };
      expect(JSON.stringify(apiError.params)).not.toContain(fileId);
      expect(JSON.stringify(apiError.params)).not.toContain(preview.previewId);
    }
  });

  it('exports a plan as JSON that imports on another PC as the same plan', async () => {
    const backend = await openTestBackend();
    const active = await backend.call('plans.active', {});
    const { download } = await backend.call('plans.export', { planId: active?.id as number, targetId: null });
    expect(download?.name).toBe('山东省贯彻实施质量发展纲要2016年行动计划.plan.json');
    const file = backend.ctx.files.takeDownload(download?.downloadId as string);
    const { readFileSync } = await import('node:fs');
    const json = readFileSync(file?.path as string, 'utf8');
    const stored = JSON.parse(backend.db.prepare('SELECT content FROM plan WHERE id = ?').pluck().get(active?.id) as string) as unknown;
    expect(parsePlanJson(json)).toEqual(stored);

    const other = await openTestBackend();
    const preview = await other.call('plans.preview', { fileId: fileFor(other, 'plan.plan.json', json) });
    expect(preview.plan).toEqual(stored);
    const { plan } = await other.call('plans.import', { previewId: preview.previewId });
    expect(plan).toMatchObject({ title: active?.title, measureCount: 17, departmentCount: 27 });
    expect((await other.call('plans.departments', {})).map((d) => [d.name, d.measureCount])).toEqual(
      (await backend.call('plans.departments', {})).map((d) => [d.name, d.measureCount]),
    );
  });

  it('knows its own exported plan again on the same PC: no duplicate, the import switches to it', async () => {
    const backend = await openTestBackend();
    await backend.call('settings.update', { department: '经济和信息化' });
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['导出前记下的任务'] });
    const seed = await backend.call('plans.active', {});
    const other = await backend.call('plans.import', {
      previewId: (await backend.call('plans.preview', { fileId: fileFor(backend, 'x.txt', fixtureBytes('standalone-plan.txt')) }))
        .previewId,
    });
    expect((await backend.call('plans.active', {}))?.id).toBe(other.plan.id);

    for (const planId of [other.plan.id, seed?.id as number]) {
      const { download } = await backend.call('plans.export', { planId, targetId: null });
      const json = readFileSync(backend.ctx.files.takeDownload(download?.downloadId as string)?.path as string, 'utf8');
      const preview = await backend.call('plans.preview', { fileId: fileFor(backend, 'again.plan.json', json) });
      expect(preview.existing?.id).toBe(planId);
      const imported = await backend.call('plans.import', { previewId: preview.previewId });
      expect(imported).toMatchObject({ created: false, plan: { id: planId } });
      expect((await backend.call('plans.active', {}))?.id).toBe(planId);
    }
    expect((await backend.call('plans.list', {})).plans).toHaveLength(2);
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['导出前记下的任务']);
  });

  it('stores every plan’s content in one canonical form, whatever the source', async () => {
    const backend = await openTestBackend();
    await backend.call('plans.import', {
      previewId: (await backend.call('plans.preview', { fileId: fileFor(backend, 'x.txt', fixtureBytes('standalone-plan.txt')) }))
        .previewId,
    });
    const contents = backend.db.prepare('SELECT content FROM plan').pluck().all() as string[];
    expect(contents).toHaveLength(2);
    for (const content of contents) expect(content).toBe(JSON.stringify(planSchema.parse(JSON.parse(content))));
  });

  it('writes the export to a chosen place atomically', async () => {
    const backend = await openTestBackend();
    const target = join(tempDir(), '导出.plan.json');
    const { id } = backend.ctx.files.registerSaveTarget(target);
    const active = await backend.call('plans.active', {});
    expect(await backend.call('plans.export', { planId: active?.id as number, targetId: id })).toEqual({ download: null });
    const { readFileSync, readdirSync } = await import('node:fs');
    expect(parsePlanJson(readFileSync(target, 'utf8')).measures).toHaveLength(17);
    expect(readdirSync(join(target, '..'))).toEqual(['导出.plan.json']);
  });

  it('applies the user’s department aliases to later imports, keeping the original spelling', async () => {
    const backend = await openTestBackend();
    expect(await backend.call('aliases.set', { alias: '质量技术监督', canonical: '质监' })).toEqual([
      { alias: '质量技术监督', canonical: '质监' },
    ]);
    const text = ['别名测试方案', '一、主要任务', '1.开展质量提升行动。(质量技术监督、财政等部门按职责分工负责)'].join('\n');
    const preview = await backend.call('plans.preview', { fileId: fileFor(backend, 'alias.txt', text) });
    expect(preview.plan.measures[0]?.departments.map((d) => d.name)).toEqual(['质监', '财政']);
    expect(preview.plan.departments.find((d) => d.name === '质监')?.aliases).toEqual(['质量技术监督']);
    await backend.call('plans.import', { previewId: preview.previewId });
    const written = backend.db
      .prepare("SELECT md.written_as FROM measure_department md JOIN department d ON d.id = md.department_id WHERE d.name = '质监'")
      .pluck()
      .all();
    expect(written).toContain('质量技术监督');
    expect(await backend.call('aliases.set', { alias: '质量技术监督', canonical: null })).toEqual([]);
  });

  it('switches the active plan', async () => {
    const backend = await openTestBackend();
    const seed = await backend.call('plans.active', {});
    const preview = await backend.call('plans.preview', { fileId: fileFor(backend, 'x.txt', fixtureBytes('standalone-plan.txt')) });
    const { plan } = await backend.call('plans.import', { previewId: preview.previewId });
    expect((await backend.call('plans.list', {})).activeId).toBe(plan.id);
    await backend.call('plans.activate', { planId: seed?.id as number });
    expect((await backend.call('plans.active', {}))?.id).toBe(seed?.id);
    await expectApiError(backend.call('plans.activate', { planId: 9999 }), 'plan.not_found');
  });
});

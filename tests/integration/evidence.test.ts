import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../electron/lib/i18n';
import type { Job } from '../../shared/api/calls/jobs';
import { expectApiError, openAsDepartment, useBackends, type TestBackend } from '../support/backend';
import { useTempDirs } from '../support/temp';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
/** 2016-09-01 09:30 local time. */
const clock = () => new Date(2016, 8, 1, 9, 30);
const MiB = 1024 * 1024;

const asDepartment = (options: Parameters<typeof openTestBackend>[0] = {}, department?: string) =>
  openAsDepartment(openTestBackend, department, { now: clock, ...options });

function writeFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** A file of `size` bytes that takes no disk space (all zeros when read). */
function sparseFile(name: string, size: number): string {
  const path = join(tempDir(), name);
  writeFileSync(path, '');
  truncateSync(path, size);
  return path;
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Every file under evidence/, relative to it. */
function evidenceFiles(backend: TestBackend): string[] {
  const root = backend.layout.evidence;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

async function startAdd(backend: TestBackend, path: string, measureCode = '2.1.1', taskId: number | null = null): Promise<string> {
  const file = backend.ctx.files.registerExisting(path);
  return (await backend.call('evidence.add', { fileId: file.id, measureCode, taskId })).jobId;
}

/** Adds a file and waits for the copy; answers the job as `jobs.get` reports it (through the contract). */
async function addFile(backend: TestBackend, path: string, measureCode = '2.1.1', taskId: number | null = null): Promise<Job> {
  const jobId = await startAdd(backend, path, measureCode, taskId);
  await backend.ctx.jobs.settled(jobId);
  return backend.call('jobs.get', { id: jobId });
}

function attachmentOf(job: Job) {
  expect(job).toMatchObject({ state: 'done', error: null, result: { kind: 'evidence.add' } });
  if (job.result?.kind !== 'evidence.add') throw new Error('no attachment');
  return job.result.attachment;
}

describe('evidence: adding', () => {
  it('adds a file to a measure and one to a task: listed with name, size and date, recorded in the history', async () => {
    const backend = await asDepartment();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['开展质量提升专项行动'] });
    const scan = writeFile('验收报告.pdf', '%PDF-1.4 scanned report');
    const photo = writeFile('现场照片.JPG', randomBytes(4096));

    const first = await addFile(backend, scan);
    expect(first).toMatchObject({ kind: 'evidence.add', state: 'done', done: 23, total: 23 });
    expect(attachmentOf(first)).toEqual({
      id: expect.any(Number),
      taskId: null,
      name: '验收报告.pdf',
      size: 23,
      sha256: sha256('%PDF-1.4 scanned report'),
      mediaType: 'application/pdf',
      addedAt: clock().toISOString(),
    });
    const second = attachmentOf(await addFile(backend, photo, '2.1.1', task!.id));
    expect(second).toMatchObject({ taskId: task!.id, name: '现场照片.JPG', size: 4096, mediaType: 'image/jpeg' });

    const detail = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(detail.attachments.map((a) => [a.name, a.size, a.taskId, a.addedAt])).toEqual([
      ['验收报告.pdf', 23, null, clock().toISOString()],
      ['现场照片.JPG', 4096, task!.id, clock().toISOString()],
    ]);
    expect(detail.progress.attachments).toBe(2);
    expect(detail.history.slice(0, 2)).toMatchObject([
      { action: 'evidence.add', newValue: '现场照片.JPG', attachmentName: '现场照片.JPG', taskId: task!.id, actor: '张三' },
      { action: 'evidence.add', newValue: '验收报告.pdf', attachmentName: '验收报告.pdf', taskId: null, actor: '张三' },
    ]);
    const entry = backend.db.prepare("SELECT attachment_id AS attachmentId FROM entry WHERE action = 'evidence.add' ORDER BY id").all();
    expect(entry).toEqual([{ attachmentId: attachmentOf(first).id }, { attachmentId: second.id }]);

    // Stored content-addressed, the original untouched.
    const stored = join(backend.layout.evidence, second.sha256.slice(0, 2), second.sha256);
    expect(readFileSync(stored)).toEqual(readFileSync(photo));
    expect(existsSync(photo)).toBe(true);
    const dashboard = await backend.call('workspace.dashboard', {});
    expect(dashboard.measures.find((m) => m.code === '2.1.1')?.attachments).toBe(2);
  });

  it('stores the same content once, however many times and under whatever names it is added', async () => {
    const backend = await asDepartment();
    const content = randomBytes(64 * 1024);
    const a = attachmentOf(await addFile(backend, writeFile('通知.docx', content)));
    const b = attachmentOf(await addFile(backend, writeFile('通知(副本).docx', content), '2.1.2'));
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(evidenceFiles(backend)).toEqual([join(a.sha256.slice(0, 2), a.sha256)]);
    expect(backend.db.prepare('SELECT sha256, size FROM blob').all()).toEqual([{ sha256: sha256(content), size: content.length }]);
    expect(backend.db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 2 });
  });

  it('takes browser uploads by renaming them into place, leaving nothing in tmp/', async () => {
    const backend = await asDepartment();
    const upload = backend.ctx.files.uploadPath();
    writeFileSync(upload, '上传的材料');
    const file = backend.ctx.files.registerUpload(upload, '../../上传.txt');
    const { jobId } = await backend.call('evidence.add', { fileId: file.id, measureCode: '2.1.1', taskId: null });
    const attachment = attachmentOf(await backend.ctx.jobs.settled(jobId));
    expect(attachment).toMatchObject({ name: '上传.txt', mediaType: 'text/plain' });
    expect(existsSync(upload)).toBe(false);
    expect(readFileSync(join(backend.layout.evidence, attachment.sha256.slice(0, 2), attachment.sha256), 'utf8')).toBe('上传的材料');
    // The chosen file is consumed: it cannot be added twice.
    await expectApiError(backend.call('evidence.add', { fileId: file.id, measureCode: '2.1.1', taskId: null }), 'file.not_found');
  });

  it('reports progress that reaches the total', async () => {
    const backend = await asDepartment();
    const size = 48 * MiB;
    const jobId = await startAdd(backend, writeFile('big.bin', randomBytes(size)));
    const seen: number[] = [];
    for (;;) {
      const job = await backend.call('jobs.get', { id: jobId });
      seen.push(job.done);
      if (job.state !== 'running') {
        expect(job).toMatchObject({ state: 'done', done: size, total: size });
        break;
      }
      expect(job.total).toBe(size);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.some((done) => done > 0 && done < size)).toBe(true);
    expect(seen.at(-1)).toBe(size);
  });
});

describe('evidence: refusals', () => {
  it('refuses a measure the department does not carry, another department’s task, and unknown files', async () => {
    const backend = await asDepartment();
    const path = writeFile('a.txt', 'a');
    await expectApiError(startAdd(backend, path, '2.2.2'), 'measure.not_assigned');
    await expectApiError(startAdd(backend, path, '9.9.9'), 'measure.not_found');

    await backend.call('settings.update', { department: '质监' });
    const [theirs] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['质监的任务'] });
    await backend.call('settings.update', { department: '经济和信息化' });
    await expectApiError(startAdd(backend, path, '2.1.1', theirs!.id), 'task.not_found');

    // A task of this department, but of another measure.
    const [mine] = await backend.call('tasks.create', { measureCode: '2.1.2', texts: ['本部门任务'] });
    await expectApiError(startAdd(backend, path, '2.1.1', mine!.id), 'task.not_found');

    await expectApiError(
      backend.call('evidence.add', { fileId: '00000000-0000-0000-0000-000000000000', measureCode: '2.1.1', taskId: null }),
      'file.not_found',
    );
    await expectApiError(
      backend.call('evidence.add', { fileId: '../../etc/passwd', measureCode: '2.1.1', taskId: null }),
      'request.invalid',
    );
    expect(backend.db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
    expect(evidenceFiles(backend)).toEqual([]);
  });

  it('refuses a file over 2 GiB at once, without copying anything', async () => {
    const backend = await asDepartment();
    const huge = sparseFile('huge.iso', 2 * 1024 * MiB + 1);
    // Refused by the call itself, before any job starts copying.
    await expectApiError(startAdd(backend, huge), 'file.too_large');
    expect(evidenceFiles(backend)).toEqual([]);
    // Exactly 2 GiB is still fine to start (cancelled at once here).
    const jobId = await startAdd(backend, sparseFile('limit.iso', 2 * 1024 * MiB));
    await backend.call('jobs.cancel', { id: jobId });
    expect(await backend.ctx.jobs.settled(jobId)).toMatchObject({ state: 'cancelled', error: null, result: null });
    expect(evidenceFiles(backend)).toEqual([]);
  });

  it('refuses a folder', async () => {
    const backend = await asDepartment();
    const folder = tempDir();
    await expect(startAdd(backend, folder)).rejects.toMatchObject({ code: 'file.is_directory' });
    // A file that has become a folder since it was chosen.
    const chosen = join(tempDir(), 'chosen.pdf');
    writeFileSync(chosen, '%PDF');
    const file = backend.ctx.files.registerExisting(chosen);
    rmSync(chosen);
    mkdirSync(chosen);
    await expectApiError(backend.call('evidence.add', { fileId: file.id, measureCode: '2.1.1', taskId: null }), 'file.is_directory');
  });

  it('answers job.not_found for unknown jobs', async () => {
    const backend = await asDepartment();
    await expectApiError(backend.call('jobs.get', { id: '00000000-0000-0000-0000-000000000000' }), 'job.not_found');
    await expectApiError(backend.call('jobs.cancel', { id: '00000000-0000-0000-0000-000000000000' }), 'job.not_found');
  });
});

describe('evidence: cancelling and large files', () => {
  it('cancels a copy in progress: no temp file, no stored content, no attachment, no history', async () => {
    const backend = await asDepartment();
    const jobId = await startAdd(backend, sparseFile('video.mp4', 1024 * MiB));
    for (;;) {
      const job = await backend.call('jobs.get', { id: jobId });
      if (job.done > 0) break;
      expect(job.state).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const cancelling = await backend.call('jobs.cancel', { id: jobId });
    expect(cancelling.state).toBe('running');
    const final = await backend.ctx.jobs.settled(jobId);
    expect(final).toMatchObject({ state: 'cancelled', error: null, result: null });
    expect(final.done).toBeLessThan(1024 * MiB);
    expect(evidenceFiles(backend)).toEqual([]);
    expect(backend.db.prepare('SELECT (SELECT count(*) FROM attachment) AS a, (SELECT count(*) FROM blob) AS b').get()).toEqual({
      a: 0,
      b: 0,
    });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).history).toEqual([]);
  });

  it('stores a 200 MB file intact (its memory use is a figure of the evidence bench)', async () => {
    const backend = await asDepartment();
    const size = 200 * MiB;
    const path = sparseFile('scan-archive.zip', size);
    const expected = createHash('sha256');
    const zeros = Buffer.alloc(MiB);
    for (let i = 0; i < 200; i += 1) expected.update(zeros);

    const attachment = attachmentOf(await addFile(backend, path));
    expect(attachment).toMatchObject({ size, sha256: expected.digest('hex') });
    const stored = join(backend.layout.evidence, attachment.sha256.slice(0, 2), attachment.sha256);
    expect(statSync(stored).size).toBe(size);
    expect(sha256(readFileSync(stored))).toBe(attachment.sha256);
  });
});

describe('evidence: removing and opening', () => {
  it('removes a file from the list, keeps its content and records the removal', async () => {
    const backend = await asDepartment();
    const content = 'shared content';
    const a = attachmentOf(await addFile(backend, writeFile('一.txt', content)));
    const b = attachmentOf(await addFile(backend, writeFile('二.txt', content)));

    expect(await backend.call('evidence.remove', { id: a.id })).toEqual({ id: a.id });
    const detail = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(detail.attachments.map((x) => x.id)).toEqual([b.id]);
    expect(detail.progress.attachments).toBe(1);
    expect(detail.history[0]).toMatchObject({ action: 'evidence.remove', oldValue: '一.txt', attachmentName: '一.txt', actor: '张三' });
    expect(evidenceFiles(backend)).toEqual([join(a.sha256.slice(0, 2), a.sha256)]);
    expect(backend.db.prepare('SELECT removed_at AS removedAt FROM attachment WHERE id = ?').get(a.id)).toEqual({
      removedAt: clock().toISOString(),
    });

    // Gone is gone; the last one removed still leaves the content on disk.
    await expectApiError(backend.call('evidence.remove', { id: a.id }), 'evidence.not_found');
    await backend.call('evidence.remove', { id: b.id });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).attachments).toEqual([]);
    expect(evidenceFiles(backend)).toHaveLength(1);
    expect(backend.db.prepare("SELECT count(*) AS n FROM entry WHERE action LIKE 'evidence.%'").get()).toEqual({ n: 4 });
  });

  it('keeps other departments’ files out of reach', async () => {
    const backend = await asDepartment();
    const mine = attachmentOf(await addFile(backend, writeFile('mine.txt', 'x')));
    await backend.call('settings.update', { department: '质监' });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).attachments).toEqual([]);
    await expectApiError(backend.call('evidence.remove', { id: mine.id }), 'evidence.not_found');
    await expectApiError(backend.call('evidence.open', { id: mine.id }), 'evidence.not_found');
  });

  it('shows files of a deleted task as measure-level', async () => {
    const backend = await asDepartment();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['将被删除的任务'] });
    const attachment = attachmentOf(await addFile(backend, writeFile('附件.xlsx', 'cells'), '2.1.1', task!.id));
    expect(attachment).toMatchObject({ taskId: task!.id, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await backend.call('tasks.delete', { id: task!.id });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).attachments).toMatchObject([{ id: attachment.id, taskId: null }]);
    await backend.call('tasks.restore', { id: task!.id });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).attachments).toMatchObject([
      { id: attachment.id, taskId: task!.id },
    ]);
  });

  it('moves a merged task’s files to the task it was merged into', async () => {
    const backend = await asDepartment();
    const [into, from] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['汇总材料', '收集材料'] });
    const own = attachmentOf(await addFile(backend, writeFile('汇总表.xlsx', 'a'), '2.1.1', into!.id));
    const moved = attachmentOf(await addFile(backend, writeFile('回执.pdf', 'b'), '2.1.1', from!.id));
    await backend.call('tasks.merge', { id: from!.id, intoId: into!.id });
    const { attachments } = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(attachments.map((a) => [a.id, a.taskId])).toEqual([
      [own.id, into!.id],
      [moved.id, into!.id],
    ]);
  });

  it('opens in the browser as a download of a copy with the original name and bytes', async () => {
    const backend = await asDepartment({ runtime: 'web' });
    const content = randomBytes(100_000);
    const attachment = attachmentOf(await addFile(backend, writeFile('会议纪要.docx', content)));
    const { download } = await backend.call('evidence.open', { id: attachment.id });
    expect(download).toMatchObject({ name: '会议纪要.docx', size: content.length });
    const served = backend.ctx.files.takeDownload(download!.downloadId);
    expect(served?.name).toBe('会议纪要.docx');
    expect(readFileSync(served!.path)).toEqual(content);
    expect(served!.path).not.toBe(join(backend.layout.evidence, attachment.sha256.slice(0, 2), attachment.sha256));
  });

  it('opens in the desktop app as a read-only copy under tmp/open, with the system opener', async () => {
    const opened: string[] = [];
    const backend = await asDepartment({ runtime: 'electron', openPath: async (path) => (opened.push(path), '') });
    const attachment = attachmentOf(await addFile(backend, writeFile('照片.png', 'png bytes')));
    expect(await backend.call('evidence.open', { id: attachment.id })).toEqual({ download: null, shownInFolder: false });
    expect(opened).toEqual([join(backend.layout.tmp, 'open', String(attachment.id), '照片.png')]);
    expect(readFileSync(opened[0]!, 'utf8')).toBe('png bytes');
    expect(statSync(opened[0]!).mode & 0o222).toBe(0);
    // Opening again reuses the copy (it may be open in another program).
    await backend.call('evidence.open', { id: attachment.id });
    expect(opened).toHaveLength(2);

    expect(await backend.call('evidence.open', { id: attachment.id })).toEqual({ download: null, shownInFolder: false });

    const failing = await asDepartment({ runtime: 'electron', openPath: async () => 'No application is associated' });
    const other = attachmentOf(await addFile(failing, writeFile('x.pdf', 'x')));
    await expectApiError(failing.call('evidence.open', { id: other.id }), 'evidence.open_failed');
  });

  it('marks the copy it opens as from the internet on Windows, so Office opens it in Protected View', async () => {
    const opened: string[] = [];
    const onWindows = await asDepartment({ runtime: 'electron', platform: 'win32', openPath: async (path) => (opened.push(path), '') });
    const attachment = attachmentOf(await addFile(onWindows, writeFile('来文.docx', 'docx bytes')));
    await onWindows.call('evidence.open', { id: attachment.id });
    expect(readFileSync(`${opened[0]}:Zone.Identifier`, 'utf8')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
    expect(statSync(opened[0]!).mode & 0o222).toBe(0);

    const elsewhere = await asDepartment({ runtime: 'electron', platform: 'linux', openPath: async (path) => (opened.push(path), '') });
    const other = attachmentOf(await addFile(elsewhere, writeFile('来文.docx', 'docx bytes')));
    await elsewhere.call('evidence.open', { id: other.id });
    expect(readdirSync(join(opened[1]!, '..'))).toEqual(['来文.docx']);
  });

  it('opens only documents, images, PDF, spreadsheets and text: anything else is shown in its folder instead', async () => {
    const opened: string[] = [];
    const shown: string[] = [];
    const backend = await asDepartment({
      runtime: 'electron',
      openPath: async (path) => (opened.push(path), ''),
      showInFolder: (path) => void shown.push(path),
    });
    for (const name of [
      'setup.exe',
      '说明.pdf.bat',
      'macro.VBS',
      'shortcut.lnk',
      'install.msi',
      'start.ps1',
      'app.jar',
      'page.html',
      'x.abc',
      'bundle.zip',
    ]) {
      const attachment = attachmentOf(await addFile(backend, writeFile(name, 'MZ program bytes')));
      expect(await backend.call('evidence.open', { id: attachment.id }), name).toEqual({ download: null, shownInFolder: true });
      expect(shown.at(-1)).toBe(join(backend.layout.tmp, 'open', String(attachment.id), name));
      expect(statSync(shown.at(-1)!).mode & 0o222).toBe(0);
    }
    expect(opened).toEqual([]);
    const document = attachmentOf(await addFile(backend, writeFile('报告.pdf', '%PDF')));
    expect(await backend.call('evidence.open', { id: document.id })).toEqual({ download: null, shownInFolder: false });
    expect(opened).toHaveLength(1);

    // Without a way to show the folder, such a file is not opened at all.
    const noFolder = await asDepartment({ runtime: 'electron', openPath: async (path) => (opened.push(path), '') });
    const program = attachmentOf(await addFile(noFolder, writeFile('tool.exe', 'MZ')));
    await expectApiError(noFolder.call('evidence.open', { id: program.id }), 'evidence.runnable');
    expect(opened).toHaveLength(1);

    // The messages say which types open, not that every other file is a program.
    for (const language of ['zh-CN', 'en'] as const) {
      const t = createTranslator(language);
      for (const key of ['evidence.shownInFolder', 'errors.evidence.runnable']) {
        expect(t(key, { name: 'x.abc' }), key).toContain(language === 'en' ? 'documents, PDF' : '文档、PDF');
      }
    }
  });

  it('stores and opens files under names Windows can hold', async () => {
    const opened: string[] = [];
    // A name without an extension ('_aux') is shown in its folder rather than opened: either way, under its safe name.
    const backend = await asDepartment({
      runtime: 'electron',
      openPath: async (path) => (opened.push(path), ''),
      showInFolder: (path) => void opened.push(path),
    });
    const cases: [string, string][] = [
      ['notes:hidden.txt', 'notes_hidden.txt'],
      ['CON.txt', '_CON.txt'],
      ['aux', '_aux'],
      ['名单.txt. .', '名单.txt'],
    ];
    for (const [name, safe] of cases) {
      const attachment = attachmentOf(await addFile(backend, writeFile(name, name)));
      expect(attachment.name).toBe(safe);
      await backend.call('evidence.open', { id: attachment.id });
      expect(opened.at(-1)).toBe(join(backend.layout.tmp, 'open', String(attachment.id), safe));
    }
    // A name stored by an earlier version is made safe when the copy is written.
    const old = attachmentOf(await addFile(backend, writeFile('plain.txt', 'x')));
    backend.db.prepare('UPDATE attachment SET name = ? WHERE id = ?').run('报告:2016.txt', old.id);
    await backend.call('evidence.open', { id: old.id });
    expect(opened.at(-1)).toBe(join(backend.layout.tmp, 'open', String(old.id), '报告_2016.txt'));
  });

  it('says so when the stored content has gone missing', async () => {
    const backend = await asDepartment({ runtime: 'web' });
    const attachment = attachmentOf(await addFile(backend, writeFile('gone.txt', 'gone')));
    const stored = join(backend.layout.evidence, attachment.sha256.slice(0, 2), attachment.sha256);
    rmSync(stored);
    await expectApiError(backend.call('evidence.open', { id: attachment.id }), 'evidence.missing');
  });
});

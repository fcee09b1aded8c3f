import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppedFilesChannel, maxDroppedFiles } from '../../../shared/api/bridge';
import { registerDropped, registerDroppedFilesHandler } from '../../../electron/main/drop';
import { FileRegistry } from '../../../electron/services/files';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

function setup() {
  const root = tempDir();
  const files = new FileRegistry(join(root, 'tmp'));
  const file = join(root, '扫描件.pdf');
  writeFileSync(file, 'scan');
  return { root, files, file };
}

describe('dropped files (desktop)', () => {
  it('registers dropped files where they are, by opaque id', () => {
    const { files, file } = setup();
    const result = registerDropped(files, [file]);
    expect(result).toEqual({ ok: true, value: [{ id: expect.any(String), name: '扫描件.pdf', size: 4 }] });
    if (!result.ok) return;
    expect(files.get(result.value[0]!.id)).toMatchObject({ path: file, temporary: false });
  });

  it('refuses anything but a short list of absolute paths', () => {
    const { files, file } = setup();
    for (const request of ['/etc/passwd', [1], ['relative/path.txt'], null, Array.from({ length: maxDroppedFiles + 1 }, () => file)]) {
      expect(registerDropped(files, request)).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    }
  });

  it('registers a dropped folder for the inbox alone: a call that wants a file refuses it', () => {
    const { root, files } = setup();
    const folder = join(root, '文件夹');
    mkdirSync(folder);
    const result = registerDropped(files, [folder]);
    if (!result.ok) throw new Error('a folder drop was refused');
    const id = result.value[0]!.id;
    expect(files.entry(id)).toMatchObject({ path: folder, folder: true, size: 0 });
    expect(() => files.get(id)).toThrow(expect.objectContaining({ code: 'file.is_directory', params: { name: '文件夹' } }));
  });

  it('refuses files that cannot be read', () => {
    const { root, files } = setup();
    expect(registerDropped(files, [join(root, 'missing.txt')])).toMatchObject({ ok: false, error: { code: 'file.unreadable' } });
  });

  it('answers only the app’s own top frame', async () => {
    const { files, file } = setup();
    const handlers = new Map<string, (event: { senderFrame: unknown }, paths: unknown) => unknown>();
    registerDroppedFilesHandler({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, files);
    const handler = handlers.get(droppedFilesChannel);
    expect(handler).toBeDefined();
    const foreign = { url: 'https://example.com/', parent: null };
    expect(await handler!({ senderFrame: foreign }, [file])).toMatchObject({ ok: false, error: { code: 'request.forbidden' } });
    const own = { url: 'app://planledger/index.html', parent: null };
    expect(await handler!({ senderFrame: own }, [file])).toMatchObject({ ok: true });
  });
});

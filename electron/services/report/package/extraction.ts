import { mkdir, open as openFile, rm, type FileHandle } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { printableName } from '../../../../shared/report/manifest';
import type { ContentSink } from './entry-content';

/** Writes entries under one folder, never outside it, and can take back everything it wrote. */
export class Extraction {
  private readonly root: string;
  private readonly created: string[] = [];

  constructor(root: string) {
    this.root = resolve(root);
  }

  async create(name: string): Promise<{ write: ContentSink; close: () => Promise<void> }> {
    // 'wx' refuses to follow or replace anything already there, a symlink included.
    const handle = await openFile(await this.target(name), 'wx');
    return { write: (chunk) => writeAll(handle, chunk), close: () => handle.close() };
  }

  async write(name: string, content: Buffer): Promise<void> {
    const output = await this.create(name);
    try {
      await output.write(content);
    } finally {
      await output.close();
    }
  }

  async discard(): Promise<void> {
    for (const path of this.created.reverse()) await rm(path, { recursive: true, force: true });
  }

  private async target(name: string): Promise<string> {
    const target = resolve(this.root, ...name.split('/'));
    // isSafeEntryPath already rules this out; a second, independent check costs nothing.
    if (!target.startsWith(this.root + sep)) throw new Error(`entry escapes the extraction folder: ${printableName(name)}`);
    const madeFolder = await mkdir(dirname(target), { recursive: true });
    if (madeFolder) this.created.push(madeFolder);
    this.created.push(target);
    return target;
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length;) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
}

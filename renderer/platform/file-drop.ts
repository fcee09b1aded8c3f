import { useRef, useState, type DragEvent } from 'react';

/** Whether a drag carries files from outside (not a task being reordered). */
export function carriesFiles(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer !== null && [...dataTransfer.types].includes('Files');
}

/**
 * Makes an element a drop zone for files from outside: `dragging` is true while files hover
 * over it, and `onFiles` receives what is dropped. Drags that carry no files pass through.
 */
export function useFileDrop(onFiles: (files: File[], transfer: DataTransfer) => void) {
  const [dragging, setDragging] = useState(false);
  // A counter, not a flag: dragenter/leave fire for every child the pointer crosses.
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files, event.dataTransfer);
    },
  };
  return { dragging, handlers };
}

/**
 * What was dropped, folders included, in a browser: the entries must be taken while the drop
 * event lasts (the DataTransfer is emptied after it), then read. Folders are walked
 * recursively; `inFolder` tells files found inside a folder from those dropped themselves.
 */
export function droppedEntries(transfer: DataTransfer): FileSystemEntry[] {
  return [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
}

export async function readDroppedEntries(entries: readonly FileSystemEntry[]): Promise<{ file: File; inFolder: boolean }[]> {
  const found: { file: File; inFolder: boolean }[] = [];
  async function visit(entry: FileSystemEntry, inFolder: boolean): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      found.push({ file, inFolder });
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries hands out a folder's entries in chunks (100 in Chromium) until an empty one.
    for (;;) {
      const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (chunk.length === 0) break;
      for (const child of chunk) await visit(child, true);
    }
  }
  for (const entry of entries) await visit(entry, false);
  return found;
}

import type { Locator } from 'playwright-core';

/** A file made inside the page: text as is, or bytes given as base64. */
export type DroppedFile = { name: string; type?: string } & ({ text: string } | { base64: string });

/** Drops files on `zone` the way a file manager does (drag events carrying a DataTransfer). */
export async function dropFiles(zone: Locator, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await zone.page().evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const content = 'text' in file ? file.text : Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([content], file.name, { type: file.type ?? '' }));
    }
    return transfer;
  }, files);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

import type { FileRef } from './calls/files';
import type { PlanLedgerBridge } from './contract';
import type { ApiResult } from './errors';

/** Commands the native menu sends to the renderer. */
export const menuCommands = ['navigate:dashboard', 'navigate:settings', 'navigate:search', 'show:shortcuts'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const menuCommandChannel = 'planledger:menu-command';

/** A report file opened from the desktop (double-click on a .plreport). */
export const openReportChannel = 'planledger:open-report';
/** The renderer is listening for opened reports; main sends what it held back until then. */
export const openReportReadyChannel = 'planledger:open-report-ready';

/**
 * Files dropped on the window. Not a contract call: the preload resolves each File to its
 * path itself (webUtils) and sends only those, so a page cannot register paths by name.
 */
export const droppedFilesChannel = 'planledger:dropped-files';
/** At most this many files per drop (the inbox takes a whole batch of packages at once; a folder counts as one). */
export const maxDroppedFiles = 1000;

/** A DOM `File` as shared code sees it (shared/ is compiled without the DOM). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** `window.planledger` in the desktop app: one function per API call, plus menu events. */
export type DesktopBridge = PlanLedgerBridge & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenReport(listener: (file: FileRef) => void): () => void;
  /** Makes files dropped on the window known to the backend by opaque id (desktop only). */
  registerDroppedFiles(files: readonly DroppedFile[]): Promise<ApiResult<FileRef[]>>;
};

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  droppedFilesChannel,
  maxDroppedFiles,
  menuCommandChannel,
  menuCommands,
  openReportChannel,
  openReportReadyChannel,
  type DesktopBridge,
  type MenuCommand,
} from '../../shared/api/bridge';
import type { FileRef } from '../../shared/api/calls/files';
import { callNames, channelFor, type PlanLedgerBridge } from '../../shared/api/contract';

// One function per contract call; the main process validates every request again.
const calls = Object.fromEntries(
  callNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(channelFor(name), request)]),
) as PlanLedgerBridge;

const bridge: DesktopBridge = {
  ...calls,
  onMenuCommand(listener) {
    const relay = (_event: unknown, command: unknown): void => {
      if ((menuCommands as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(menuCommandChannel, relay);
    return () => ipcRenderer.removeListener(menuCommandChannel, relay);
  },
  onOpenReport(listener) {
    const relay = (_event: unknown, file: unknown): void => {
      const ref = file as FileRef | null;
      if (ref && typeof ref.id === 'string' && typeof ref.name === 'string' && typeof ref.size === 'number') listener(ref);
    };
    ipcRenderer.on(openReportChannel, relay);
    ipcRenderer.send(openReportReadyChannel);
    return () => ipcRenderer.removeListener(openReportChannel, relay);
  },
  // Paths are looked up here, from real File objects of a drop; the page never sees them and cannot name one.
  registerDroppedFiles(files) {
    const paths = [...files]
      .slice(0, maxDroppedFiles)
      .map((file) => webUtils.getPathForFile(file as File))
      .filter((path) => path !== '');
    return ipcRenderer.invoke(droppedFilesChannel, paths);
  },
};

contextBridge.exposeInMainWorld('planledger', bridge);

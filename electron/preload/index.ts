import { contextBridge, ipcRenderer } from 'electron';
import { menuCommandChannel, menuCommands, type DesktopBridge, type MenuCommand } from '../../shared/api/bridge';
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
};

contextBridge.exposeInMainWorld('planledger', bridge);

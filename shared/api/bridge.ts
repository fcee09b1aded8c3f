import type { PlanLedgerBridge } from './contract';

/** Commands the native menu sends to the renderer. */
export const menuCommands = ['navigate:dashboard', 'navigate:settings'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const menuCommandChannel = 'planledger:menu-command';

/** `window.planledger` in the desktop app: one function per API call, plus menu events. */
export type DesktopBridge = PlanLedgerBridge & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { MenuCommand } from '../../shared/api/bridge';

export interface MenuActions {
  command(command: MenuCommand): void;
  openDataDir(): void;
  about(): void;
}

/** The native menu in the user's language; editing entries use Electron roles so they just work. */
export function menuTemplate(
  t: TFunction,
  actions: MenuActions,
  options: { isMac: boolean; devTools: boolean },
): MenuItemConstructorOptions[] {
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: () => actions.command('navigate:settings') },
        { label: t('menu.openDataDir'), click: () => actions.openDataDir() },
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
        { type: 'separator' },
        { label: t('menu.search'), accelerator: 'CmdOrCtrl+F', click: () => actions.command('navigate:search') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'reload', label: t('menu.reload') },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullscreen') },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const, label: t('menu.devTools') }] : []),
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('menu.close') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('menu.shortcuts'), click: () => actions.command('show:shortcuts') },
        { type: 'separator' },
        { label: t('menu.about'), click: () => actions.about() },
      ],
    },
  ];
}

import { basename, dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { TFunction } from 'i18next';
import { menuCommandChannel, openReportChannel, openReportReadyChannel, type MenuCommand } from '../../shared/api/bridge';
import type { FileRef } from '../../shared/api/calls/files';
import type { Language } from '../../shared/api/calls/settings';
import { openRecoverableBackend, type RecoverableBackend } from '../backend/startup';
import { userMessage } from '../../shared/api/error-text';
import { unreadableFile } from '../lib/file-errors';
import { createTranslator } from '../lib/i18n';
import { errorDetails } from '../lib/log';
import { defaultDataDir } from '../lib/paths';
import { appInfo } from '../services/app/app-info';
import { readSettings } from '../services/settings/settings';
import { parseMainArgs } from './args';
import { dialogHandlers } from './dialogs';
import { registerDroppedFilesHandler } from './drop';
import { printingHandlers } from './printing';
import { appEntryUrl, isAllowedRequest, isAppUrl, isTrustedSender } from './guards';
import { registerApiHandlers } from './ipc';
import { menuTemplate } from './menu';
import { nativeBindingPath } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { osSecretStore } from './secrets';
import { mainWindowOptions } from './window';

// out/main/index.cjs → project (or app.asar) root is two levels up.
const appRoot = join(dirname(__filename), '..', '..');
const args = parseMainArgs(process.argv);
const dataDir = args.dataDir ?? defaultDataDir();

app.setName('PlanLedger');
app.setPath('userData', dataDir);
// Chromium's caches and storage get a subfolder of their own (chromium/), apart from the database,
// backups and evidence; nothing in the app reads it, so it may be left out of a copy of the folder.
app.setPath('sessionData', join(dataDir, 'chromium'));
registerAppScheme();

let host: RecoverableBackend | null = null;
let mainWindow: BrowserWindow | null = null;
/** Reports opened before the app was ready (launch by double-click; macOS sends one open-file event per file). */
const pendingReports: string[] = args.openFile ? [args.openFile] : [];

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const { openFile } = parseMainArgs(argv);
    if (openFile) openReport(openFile);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (host) openReport(path);
    else pendingReports.push(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Running exports and copies must remove their partial files before the process ends.
    if (!host) return;
    event.preventDefault();
    const closing = host;
    host = null;
    closing
      .close()
      .catch((error: unknown) => closing.log.error('closing the backend failed', errorDetails(error)))
      .finally(() => app.quit());
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  lockDownSession();
  host = await openRecoverableBackend({
    dataDir,
    runtime: 'electron',
    electronVersion: process.versions.electron,
    nativeBinding: nativeBindingPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, projectRoot: appRoot }),
    onSettingsChanged: (settings) => {
      if (settings.language !== menuLanguage) setMenu(settings.language);
    },
    dialogs: dialogHandlers(() => mainWindow),
    openPath: (path) => shell.openPath(path),
    showInFolder: (path) => shell.showItemInFolder(path),
    printing: printingHandlers(() => mainWindow),
    osSecrets: await osSecretStore(),
    // The office's watched folder, kept from last time (chosen on the inbox screen).
    watch: {},
  });
  serveRenderer(join(appRoot, 'out', 'renderer'), (path, params) => host?.preview(path, params) ?? null);
  registerApiHandlers(ipcMain, host.router);
  registerDroppedFilesHandler(ipcMain, host.files);
  ipcMain.on(openReportReadyChannel, (event) => {
    if (!isTrustedSender(event.senderFrame)) return;
    rendererListening = true;
    flushReports();
  });
  const opened = host.backend();
  setMenu(opened ? readSettings(opened.db).language : 'zh-CN');
  createWindow();
  for (const path of pendingReports.splice(0)) openReport(path);
}

/**
 * A .plreport opened from the desktop (file association) goes to the verify screen. Files
 * are held until the page says it listens (it may still be loading, or reloading).
 */
const heldReports: FileRef[] = [];
let rendererListening = false;

function openReport(path: string): void {
  if (!host) return;
  try {
    heldReports.push(host.files.registerExisting(path));
  } catch (error) {
    // e.g. the file is unreadable or gone: say so instead of doing nothing.
    host.log.warn('could not open a report file', { file: path, ...errorDetails(error) });
    const opened = host.backend();
    const t = createTranslator(opened ? readSettings(opened.db).language : 'zh-CN');
    dialog.showErrorBox(t('app.name'), userMessage(unreadableFile(basename(path), error), t));
    return;
  }
  flushReports();
}

function flushReports(): void {
  while (rendererListening && mainWindow && heldReports.length > 0) mainWindow.webContents.send(openReportChannel, heldReports.shift());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function createWindow(): void {
  const icon = join(appRoot, 'build', 'icon.png');
  mainWindow = new BrowserWindow(mainWindowOptions(join(appRoot, 'out', 'preload', 'index.cjs'), icon));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('did-start-loading', () => {
    rendererListening = false;
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // Rejects when the load fails or is superseded (a reload); the window stays, so only log it.
  mainWindow.loadURL(appEntryUrl).catch((error: unknown) => host?.log.warn('the window did not load', errorDetails(error)));
}

let menuLanguage: Language | null = null;

function setMenu(language: Language): void {
  menuLanguage = language;
  const t = createTranslator(language);
  const send = (command: MenuCommand): void => mainWindow?.webContents.send(menuCommandChannel, command);
  const template = menuTemplate(
    t,
    {
      command: send,
      openDataDir: () => void shell.openPath(dataDir),
      about: () => showAbout(t),
    },
    { isMac: process.platform === 'darwin', devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function showAbout(t: TFunction): void {
  const opened = host?.backend();
  if (!opened) return;
  const info = appInfo(opened.ctx);
  void dialog.showMessageBox({
    type: 'info',
    title: t('menu.about'),
    message: `${t('app.name')} ${info.version}`,
    detail: t('menu.aboutDetail', {
      version: info.version,
      electron: info.electronVersion ?? '',
      sqlite: info.sqliteVersion,
      dataDir: info.dataDir,
    }),
  });
}

function fail(error: unknown): void {
  const t = createTranslator('zh-CN');
  dialog.showErrorBox(t('app.name'), userMessage(error, t));
  app.exit(1);
}

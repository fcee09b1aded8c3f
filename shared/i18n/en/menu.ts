import type zh from '../zh-CN/menu';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  file: 'File',
  settings: 'Settings…',
  openDataDir: 'Open Data Folder',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullscreen: 'Full Screen',
  devTools: 'Developer Tools',
  window: 'Window',
  minimize: 'Minimize',
  close: 'Close Window',
  help: 'Help',
  search: 'Search',
  shortcuts: 'Keyboard Shortcuts',
  about: 'About PlanLedger',
  aboutDetail: 'Version {{version}}\nElectron {{electron}} · SQLite {{sqlite}}\nData folder: {{dataDir}}',
};
export default en;

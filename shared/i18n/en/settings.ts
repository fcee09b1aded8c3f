import type zh from '../zh-CN/settings';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  title: 'Settings',
  general: 'General',
  language: 'Language',
  languageHint: 'The language of the interface; plan content stays as written.',
  languages: {
    'zh-CN': '简体中文',
    en: 'English',
  },
  department: 'Your department',
  departmentHint: 'The ledger is kept per department; switching never changes another department’s records.',
  departmentNone: 'Not chosen',
  about: 'About',
  version: 'Version',
  runtime: 'Runtime',
  runtimes: {
    electron: 'Desktop app',
    web: 'Browser dev host',
    cli: 'Command line',
  },
  sqlite: 'SQLite version',
  schemaVersion: 'Database schema version',
  dataDir: 'Data folder',
  dataDirHint: 'The database, evidence files and backups are kept here.',
  saved: 'Settings saved',
};
export default en;

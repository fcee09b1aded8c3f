import type zh from '../zh-CN/recovery';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  title: 'The data file needs to be restored',
  body: 'The check at start found the data file damaged. To prevent further loss it was neither opened nor changed. Choose a backup below to restore; the damaged file is kept in the data folder under a new name.',
  detail: 'Check result: {{detail}}',
  file: 'Data file: {{file}}',
  latest: 'Latest good backup',
  restore: 'Restore this backup',
  restoring: 'Restoring…',
  others: 'Other backups',
  unusable: 'Unusable (fails its check)',
  none: 'There is no usable backup. Contact support and keep every file in the data folder.',
  restored: 'Restored from the backup. The damaged file was kept as {{name}}.',
  restoredPlain: 'Restored from the backup.',
  missingTitle: 'The data file is missing',
  missingBody:
    'The data folder has backups but no data file; it may have been deleted or moved by mistake. If you can find the original file, quit and put it back first; otherwise choose a backup below to restore.',
  fresh: {
    title: 'Start afresh',
    body: 'There is no backup that can be restored. You can start afresh with a new data file (the embedded plan is loaded; choose your department and enter tasks again). The damaged file is kept in the data folder under a dated name and never deleted.',
    start: 'Start afresh with a new data file…',
    confirm: 'Start afresh? Earlier tasks and history will not be in the new data file; the damaged file stays in the data folder.',
    confirmYes: 'Start afresh',
    cancel: 'Cancel',
    starting: 'Starting afresh…',
    done: 'Started afresh with a new data file. The damaged file was kept as {{name}}.',
    donePlain: 'Started afresh with a new data file.',
  },
  kinds: {
    daily: 'Daily automatic backup',
    manual: 'Manual backup',
    'pre-restore': 'Copy taken before a restore',
    'pre-migration': 'Copy taken before an upgrade',
  },
};
export default en;

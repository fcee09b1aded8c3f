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
  kinds: {
    daily: 'Daily automatic backup',
    manual: 'Manual backup',
    'pre-restore': 'Copy taken before a restore',
    'pre-migration': 'Copy taken before an upgrade',
  },
};
export default en;

import type zh from '../zh-CN/dialogs';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  allFiles: 'All files',
  filters: {
    plan: 'Plan files (text, Word, JSON)',
    evidence: 'Evidence',
    report: 'PlanLedger reports',
  },
  open: {
    plan: 'Choose a plan file to import',
    evidence: 'Choose evidence files',
    report: 'Choose a report file to verify',
  },
  save: {
    plan: 'Export plan',
    evidence: 'Save evidence as',
    report: 'Export report',
  },
};
export default en;

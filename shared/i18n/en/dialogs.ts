import type zh from '../zh-CN/dialogs';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  allFiles: 'All files',
  filters: {
    plan: 'Plan documents',
    planExport: 'Plan files',
    evidence: 'Evidence',
    report: 'PlanLedger reports',
    pdf: 'PDF documents',
    key: 'Public key files',
  },
  open: {
    plan: 'Choose a plan file to import',
    evidence: 'Choose evidence files',
    report: 'Choose a report file to verify',
    pdf: 'Choose a PDF file',
    key: 'Choose a public key file',
  },
  save: {
    plan: 'Export plan',
    evidence: 'Save evidence as',
    report: 'Export report',
    pdf: 'Save as PDF',
    key: 'Export public key',
  },
};
export default en;

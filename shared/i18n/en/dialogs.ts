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
    packages: 'PlanLedger reports',
    receipt: 'Receipts',
    matrix: 'Tracking sheet',
    sheet: 'Task breakdown sheet',
    ledger: 'Ledger',
    docx: 'Word document',
  },
  open: {
    plan: 'Choose a plan file to import',
    evidence: 'Choose evidence files',
    report: 'Choose a report file to verify',
    pdf: 'Choose a PDF file',
    key: 'Choose a public key file',
    packages: 'Choose received report files',
    receipt: 'Choose a receipt',
    matrix: 'Choose a tracking sheet',
    sheet: 'Choose a task breakdown sheet',
    ledger: 'Choose a ledger',
    docx: 'Choose a Word document',
    folder: 'Choose a folder',
  },
  save: {
    plan: 'Export plan',
    evidence: 'Save evidence as',
    report: 'Export report',
    pdf: 'Save as PDF',
    key: 'Export public key',
    packages: 'Export report',
    receipt: 'Save receipt',
    matrix: 'Export tracking sheet',
    sheet: 'Save task breakdown sheet',
    ledger: 'Export the ledger',
    docx: 'Save the Word report',
  },
};
export default en;

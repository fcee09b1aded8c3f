import { safeNamePart } from '../file-names';
import type { Period } from './period';

/** `<部门>-<期间>.plreport`, safe on every file system. */
export function reportFileName(department: string, period: Period): string {
  return safeNamePart(`${department}-${period.label}.plreport`);
}

/** `<部门>-签名公钥.pem`, the file a department registers with the receiving office. */
export function publicKeyFileName(department: string): string {
  return safeNamePart(`${department}-签名公钥.pem`);
}

/** `<部门>-<期间>.docx`: the report on its own as a Word document. */
export function reportDocxFileName(department: string, period: Period): string {
  return safeNamePart(`${department}-${period.label}.docx`);
}

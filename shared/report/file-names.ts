import type { Period } from './period';

const unsafe = /[\\/:*?"<>|\p{Cc}]/gu;

/** `<部门>-<期间>.plreport`, safe on every file system. */
export function reportFileName(department: string, period: Period): string {
  return `${department}-${period.label}.plreport`.replace(unsafe, '_');
}

/** `<部门>-签名公钥.pem`, the file a department registers with the receiving office. */
export function publicKeyFileName(department: string): string {
  return `${department}-签名公钥.pem`.replace(unsafe, '_');
}

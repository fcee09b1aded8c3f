import { safeNamePart } from '../file-names';

/** A file name for an exported plan that every file system accepts: `<title>.plan.json`. */
export function planFileName(title: string): string {
  return `${safeNamePart(title, 80, 'plan')}.plan.json`;
}

/** A file name for an exported plan that every file system accepts: `<title>.plan.json`. */
export function planFileName(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim().slice(0, 80) || 'plan'}.plan.json`;
}

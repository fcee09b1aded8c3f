/**
 * The file names a plan can be imported from, as the chooser lists them: the formats the
 * readers behind readPlanSource know (PDF, OFD, Word, web pages, text) and plan JSON.
 * Readers pick by the file's signature first, so "all files" stays offered beside these.
 */
export const PLAN_SOURCE_EXTENSIONS = ['pdf', 'ofd', 'docx', 'doc', 'wps', 'html', 'htm', 'mhtml', 'mht', 'txt', 'json'] as const;

/** What an exported plan is saved as. */
export const PLAN_EXPORT_EXTENSIONS = ['json'] as const;

/** The browser file input's `accept` for plan sources: the extensions, dotted. */
export function planSourceAccept(): string {
  return PLAN_SOURCE_EXTENSIONS.map((extension) => `.${extension}`).join(',');
}

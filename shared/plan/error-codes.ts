/** Kept apart from errors.ts so shared/api/errors.ts can list these codes without an import cycle. */
export const PLAN_ERROR_CODES = [
  'plan.empty',
  'plan.no_structure',
  'plan.binary',
  'plan.too_large',
  'plan.doc_unsupported',
  'plan.docx_invalid',
  'plan.docx_too_large',
  'plan.pdf_invalid',
  'plan.pdf_encrypted',
  'plan.pdf_scanned',
  'plan.pdf_too_large',
  'plan.pdf_too_many_pages',
  'plan.pdf_too_complex',
  'plan.ofd_invalid',
  'plan.ofd_too_large',
  'plan.ofd_too_many_pages',
  'plan.ofd_scanned',
  'plan.doc_invalid',
  'plan.mhtml_invalid',
  'plan.json_invalid',
  'plan.json_format',
  'plan.json_version',
] as const;

export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];

import { createHash } from 'node:crypto';
import type { NewSubmission } from '../../electron/db/repos/submissions';
import { parsePeriod } from '../../shared/report/period';

/** source_sha256 of the embedded 2016 plan, which every fresh backend imports. */
export const seedPlanSha256 = 'c6c0c376bef83b3a244c569182171bd16df4d8a3516faaada2789689f4a851c0';

/** A distinct, stable 64-hex value for a test name. */
export const hexFor = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A submission row as the receiver would store it, for the seed plan: the period in any form
 * parsePeriod reads, generatedAt with its offset; the rest defaults to something plausible.
 */
export function submissionRow(
  department: string,
  period: string,
  generatedAt: string,
  overrides: Partial<NewSubmission> & { signer?: string } = {},
): NewSubmission {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`bad test period ${period}`);
  const { signer, ...rest } = overrides;
  return {
    packageSha256: hexFor(`${department}/${period}/${generatedAt}/${rest.planSha256 ?? ''}`),
    size: 4096,
    fileName: `${department}-${parsed.label}.plreport`,
    planSha256: seedPlanSha256,
    planTitle: '山东省贯彻实施质量发展纲要2016年行动计划',
    planDocNumber: '鲁政办字〔2016〕103号',
    department,
    periodFrom: parsed.from,
    periodTo: parsed.to,
    periodLabel: parsed.label,
    generatedAt,
    generatedMs: Date.parse(generatedAt),
    signerFingerprint: hexFor(`key of ${signer ?? department}`),
    summary: JSON.stringify({ measures: 2, tasks: 5, tasksDone: 2 }),
    report: null,
    receivedAt: new Date(Date.parse(generatedAt) + 86_400_000).toISOString(),
    ...rest,
  };
}

/** The fingerprint submissionRow gives a department's (or a named) signer. */
export const signerOf = (name: string) => hexFor(`key of ${name}`);

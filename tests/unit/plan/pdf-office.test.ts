/**
 * A PDF as Word, WPS or LibreOffice save it (the pdf.test.ts fixture is printed by a browser):
 * first-line indents, a running head and `— N —` footers, and the
 * quarter-em autospace between Chinese and digits that their text layers carry as spaces.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENT_ALIASES, parsePlanText, type Plan } from '../../../shared/plan';
import { parseSource } from '../../../electron/services/plan/import';
import { readPlanSourceFile } from '../../../electron/services/plan/source';
import { SOFFICE_TIMEOUT_MS, writeOfficePdf } from '../../support/plan-fixtures/doc';
import { useTempDirs } from '../../support/temp';
import { seedText } from './helpers';

const tempDir = useTempDirs();

/** The plan as a person checks it: the seed's own stray space before a bracket is not held against a PDF. */
function substance(plan: Plan) {
  const squeeze = (text: string | null) => text?.replace(/\s/gu, '') ?? null;
  return {
    title: plan.title,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    departments: plan.departments,
    deadlines: plan.deadlines.map((deadline) => ({ ...deadline, text: squeeze(deadline.text) })),
    measures: plan.measures.map((measure) => ({ ...measure, text: squeeze(measure.text), tasks: measure.tasks.map(squeeze) })),
  };
}

describe('the seed as a PDF saved by an office suite', () => {
  it(
    'parses to the seed’s plan: every measure and its departments, the 27 departments, the reporting deadline',
    { timeout: SOFFICE_TIMEOUT_MS },
    async () => {
      const path = await writeOfficePdf(tempDir(), '鲁政办字〔2016〕103号.pdf', seedText(), {
        header: '山东省人民政府办公厅',
        pageNumbers: true,
      });
      const parsed = await parseSource(DEFAULT_DEPARTMENT_ALIASES, await readPlanSourceFile(path, 'plan.pdf'), 'plan.pdf');
      const seed = parsePlanText(seedText()).plan;
      expect(parsed.reader).toBe('pdf');
      expect(parsed.plan.measures).toHaveLength(17);
      expect(parsed.plan.departments).toHaveLength(27);
      expect(parsed.plan.deadlines.map((deadline) => [deadline.date, deadline.recipient])).toEqual([['2017-01-31', '省质监局']]);
      expect(substance(parsed.plan)).toEqual(substance(seed));
      // No autospace is left in the text: 2016年, not 2016 年.
      expect(parsed.text).not.toMatch(/[0-9] 年|[0-9] 号/u);
      expect(parsed.dropped.filter((item) => item.kind === 'page_number').length).toBeGreaterThanOrEqual(5);
      expect(parsed.dropped.some((item) => item.kind === 'running_head' && item.text === '山东省人民政府办公厅')).toBe(true);
    },
  );
});

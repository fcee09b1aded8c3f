import type zh from '../zh-CN/planParser';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  warnings: {
    plan_unplaced_paragraph:
      'The paragraph on line {{line}} does not belong to any chapter or measure. If it matters, correct its number or position in the source text and import again.',
    plan_orphan_clause: 'Line {{line}} assigns responsibility or a due date, but no measure comes before it.',
    plan_measure_no_department:
      'No responsible department was found for the measure on line {{line}}. If the text uses a short or other name, add it under Settings → Department name aliases and import again; otherwise add the department to the source text and import again.',
    plan_due_unresolved:
      'The due date of the measure on line {{line}} could not be turned into a date. Write the date in the source text (e.g. 2016年12月底前) and import again, or export the plan JSON, edit it and import that.',
    plan_deadline_unresolved:
      'The reporting deadline on line {{line}} could not be turned into a date. Write the date in the source text and import again, or export the plan JSON, edit it and import that.',
    plan_duplicate_number: 'The number on line {{line}} repeats an earlier one; a suffix was added to its code.',
    plan_no_measures: 'Numbered headings start on line {{line}}, but no measure or requirement was recognised.',
    plan_title_missing:
      'No plan title was found. Add the title at the top of the source text and import again, or export the plan JSON, edit it and import that.',
  },
  warningsOmitted: '{{count}} more notes are not listed.',
  warningsOmitted_one: '{{count}} more note is not listed.',
  furniture: {
    page_number: 'Line {{line}} is a page number and was left out: {{text}}',
    running_head: 'Line {{line}} is a running head and was left out: {{text}}',
    masthead:
      'Line {{line}} is part of the document’s masthead (issuer’s name, copy number, classification, signer or the rule under them) and was left out: {{text}}',
    rule: 'Line {{line}} is a separator rule and was left out: {{text}}',
  },
  layout: {
    lines: 'One paragraph per line',
    wrapped: 'Wrapped at a fixed width (as copied from a PDF); joined back into paragraphs',
    run_together: 'All in one run of text; divided at its numbering',
  },
  recurrence: {
    ongoing: 'Ongoing',
    yearly: 'Every year',
    half_yearly: 'Every half year',
    quarterly: 'Every quarter',
    monthly: 'Every month',
  },
};

export default en;

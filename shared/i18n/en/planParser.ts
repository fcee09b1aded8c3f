import type zh from '../zh-CN/planParser';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  warnings: {
    plan_unplaced_paragraph: 'The paragraph on line {{line}} does not belong to any chapter or measure; please check it and place it by hand.',
    plan_orphan_clause: 'Line {{line}} assigns responsibility or a due date, but no measure comes before it.',
    plan_measure_no_department: 'No responsible department was found for the measure on line {{line}}; please assign one.',
    plan_due_unresolved: 'The due date of the measure on line {{line}} could not be turned into a date; please enter it by hand.',
    plan_deadline_unresolved: 'The reporting deadline on line {{line}} could not be turned into a date; please enter it by hand.',
    plan_duplicate_number: 'The number on line {{line}} repeats an earlier one; a suffix was added to its code.',
    plan_no_measures: 'Numbered headings start on line {{line}}, but no measure or requirement was recognised.',
    plan_title_missing: 'No plan title was found; please enter it.',
  },
  warningsOmitted: '{{count}} more notes are not listed.',
  warningsOmitted_one: '{{count}} more note is not listed.',
};

export default en;

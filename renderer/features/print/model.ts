import type { Checklist, ChecklistMeasure, ChecklistTask } from '../../../shared/api/calls/print';
import { formatChineseInt } from '../../../shared/plan/numerals';
import { shownStatuses, type ChecklistOptions } from './options';

export interface NumberedTask extends ChecklistTask {
  /** Running number over the whole checklist (序号). */
  index: number;
}

export interface MeasureBlock {
  measure: ChecklistMeasure;
  /** The chapter or group heading starts here (first measure of a new chapter or group). */
  chapter: string | null;
  group: string | null;
  tasks: NumberedTask[];
  /** Tasks this department has for the measure, shown or not. */
  total: number;
}

export interface ChecklistLayout {
  blocks: MeasureBlock[];
  totals: { measures: number; tasks: number; done: number; shown: number };
}

/** The checklist as it is printed: headings where chapter or group change, shown tasks numbered in order. */
export function layoutChecklist(checklist: Checklist, options: Pick<ChecklistOptions, 'statuses' | 'done'>): ChecklistLayout {
  const shown = shownStatuses(options);
  let index = 0;
  let previous: ChecklistMeasure | null = null;
  const blocks: MeasureBlock[] = [];
  for (const measure of checklist.measures) {
    const newChapter = previous === null || previous.chapter !== measure.chapter;
    const newGroup = newChapter || previous?.group !== measure.group;
    blocks.push({
      measure,
      chapter: newChapter ? numberedHeadings(measure).chapter : null,
      group: newGroup ? numberedHeadings(measure).group : null,
      tasks: measure.tasks.filter((task) => shown.has(task.status)).map((task) => ({ ...task, index: (index += 1) })),
      total: measure.tasks.length,
    });
    previous = measure;
  }
  const all = checklist.measures.flatMap((measure) => measure.tasks);
  return {
    blocks,
    totals: {
      measures: checklist.measures.length,
      tasks: all.length,
      done: all.filter((task) => task.status === 'done').length,
      shown: index,
    },
  };
}

/**
 * Chapter and group headings with their numbers as the plan writes them (二、… (一)…),
 * read from the measure's code (chapter.group.measure); left bare when the code cannot say.
 */
export function numberedHeadings(measure: Pick<ChecklistMeasure, 'code' | 'chapter' | 'group'>): {
  chapter: string | null;
  group: string | null;
} {
  const parts = measure.code.split('.').map(Number);
  const numeric = parts.every((part) => Number.isInteger(part) && part > 0);
  const chapterNo = numeric && parts.length === 3 ? parts[0] : undefined;
  const groupNo = numeric && parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return {
    chapter: measure.chapter === null ? null : chapterNo ? `${formatChineseInt(chapterNo)}、${measure.chapter}` : measure.chapter,
    group: measure.group === null ? null : groupNo ? `(${formatChineseInt(groupNo)})${measure.group}` : measure.group,
  };
}

/** The measure's official text without its title when the text opens with it (the title is printed above). */
export function bodyText(measure: Pick<ChecklistMeasure, 'title' | 'text'>): string {
  const text = measure.text.trim();
  const title = measure.title.trim();
  if (title !== '' && text.startsWith(title)) return text.slice(title.length).replace(/^[\s。.,,;;::、]+/u, '');
  return text;
}

/** A safe file name for the saved PDF: 工作任务清单-质监-2016-09-01.pdf */
export function pdfFileName(title: string, department: string, measure: string | null, printedAt: string): string {
  const parts = [title, department, measure, printedAt].filter((part): part is string => !!part);
  return `${parts.join('-').replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')}.pdf`;
}

/**
 * A circular of another government, as such circulars are written: 牵头单位/责任单位/完成时限
 * lines, deadlines that are dates, recurring (每季度末) or open-ended (长期坚持, …并持续落实),
 * and collective names (各区政府, 市政府各部门).
 */
import deadlineFragment from '../fixtures/plans/deadlines-and-collectives.txt?raw';
import type { PlanPreview } from '../../shared/api/calls/plan';
import { parsePlanText } from '../../shared/plan';

export { deadlineFragment };

/** What the backend would send for the fragment pasted in: the parser's own plan and warnings. */
export function fragmentPreview(overrides: Partial<PlanPreview> = {}): PlanPreview {
  const { plan, warnings, omittedWarnings, layout } = parsePlanText(deadlineFragment);
  return {
    previewId: 'p1',
    sourceName: '粘贴的文本',
    sha256: '0'.repeat(64),
    plan,
    warnings,
    omittedWarnings,
    reader: 'paste',
    layout,
    dropped: [],
    omittedDropped: 0,
    existing: null,
    ...overrides,
  };
}

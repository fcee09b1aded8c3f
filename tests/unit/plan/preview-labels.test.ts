import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../../shared/plan';
import { DROPPED_KINDS, PLAN_READERS } from '../../../shared/plan/source';
import zh from '../../../shared/i18n/zh-CN/plans';
import { messageLeaves } from '../../support/messages';

// English keys follow zh-CN key for key (tests/unit/i18n/resources.test.ts).
const leaves = messageLeaves(zh);

describe('import preview labels', () => {
  it('names every reader, layout and kind of dropped text the preview can report', () => {
    for (const reader of PLAN_READERS) expect(leaves.has(`preview.readers.${reader}`), reader).toBe(true);
    for (const layout of LAYOUTS) expect(leaves.has(`preview.layouts.${layout}`), layout).toBe(true);
    for (const kind of DROPPED_KINDS) expect(leaves.has(`preview.droppedKinds.${kind}`), kind).toBe(true);
  });
});

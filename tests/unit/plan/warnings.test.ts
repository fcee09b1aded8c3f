import { describe, expect, it } from 'vitest';
import { WarningCollector, warningText } from '../../../shared/plan/warnings';

describe('warnings', () => {
  it('cuts text to 200 characters, never inside a surrogate pair', () => {
    expect(warningText('短')).toBe('短');
    expect(warningText('字'.repeat(200))).toBe('字'.repeat(200));
    expect(warningText(`${'字'.repeat(199)}😀尾`)).toBe(`${'字'.repeat(199)}…`);
  });

  it('keeps the first warnings by line, whatever the order they were added in', () => {
    const collector = new WarningCollector(3);
    for (let line = 200; line >= 1; line--) collector.add('plan.unplaced_paragraph', line, String(line));
    collector.add('plan.orphan_clause', 2, 'second on line 2');
    expect(collector.result()).toEqual({
      warnings: [
        { code: 'plan.unplaced_paragraph', line: 1, text: '1' },
        { code: 'plan.unplaced_paragraph', line: 2, text: '2' },
        { code: 'plan.orphan_clause', line: 2, text: 'second on line 2' },
      ],
      omitted: 198,
    });
  });
});

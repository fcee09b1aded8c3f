import { describe, expect, it } from 'vitest';
import { dialogFilters } from '../../../electron/main/file-filters';
import { createTranslator } from '../../../electron/lib/i18n';
import { planSourceAccept } from '../../../shared/plan/source-files';

describe('file dialog filters', () => {
  const zh = createTranslator('zh-CN');

  it('offers every plan format the readers know, named with its patterns, then all files', () => {
    expect(dialogFilters('plan', 'open', zh)).toEqual([
      {
        name: '方案文件 (*.pdf *.ofd *.docx *.doc *.wps *.html *.htm *.mhtml *.mht *.txt *.json)',
        extensions: ['pdf', 'ofd', 'docx', 'doc', 'wps', 'html', 'htm', 'mhtml', 'mht', 'txt', 'json'],
      },
      { name: '所有文件', extensions: ['*'] },
    ]);
  });

  it('saves an exported plan as JSON only', () => {
    expect(dialogFilters('plan', 'save', createTranslator('en'))[0]).toEqual({ name: 'Plan files (*.json)', extensions: ['json'] });
  });

  it('offers only all files where a purpose has no types of its own', () => {
    expect(dialogFilters('evidence', 'open', zh)).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('gives the browser’s file input the same plan formats', () => {
    expect(planSourceAccept()).toBe('.pdf,.ofd,.docx,.doc,.wps,.html,.htm,.mhtml,.mht,.txt,.json');
  });
});

import { describe, expect, it } from 'vitest';
import { userMessage } from '../../../shared/api/error-text';
import { unreadableFile } from '../../../electron/lib/file-errors';
import { createTranslator } from '../../../electron/lib/i18n';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '/x'`), { code });
}

describe('unreadable files', () => {
  it('says in words why a file could not be read, in both languages', () => {
    const cases: [string, string, string][] = [
      ['ENOENT', '不存在', 'no longer there'],
      ['EACCES', '权限', 'permission'],
      ['EPERM', '权限', 'permission'],
      ['EBUSY', '占用', 'in use'],
      ['EISDIR', '文件夹', 'folder'],
    ];
    for (const [code, chinese, english] of cases) {
      const error = unreadableFile('会议纪要.docx', fsError(code));
      expect(error.code).toBe('file.unreadable');
      expect(error.params).toMatchObject({ name: '会议纪要.docx', reason: code });
      const zhText = userMessage(error, zh);
      const enText = userMessage(error, en);
      expect(zhText, code).toContain('会议纪要.docx');
      expect(zhText, code).toContain(chinese);
      expect(zhText, code).not.toContain(code);
      expect(enText, code).toContain(english);
      expect(enText, code).not.toContain(code);
    }
  });

  it('keeps the system’s reason for anything else', () => {
    expect(userMessage(unreadableFile('a.txt', fsError('ELOOP')), zh)).toBe('无法读取文件“a.txt”：ELOOP');
    expect(userMessage(unreadableFile('a.txt', fsError('EIO')), zh)).toBe('无法读取文件“a.txt”：设备读写出错，可能已被拔出');
    expect(userMessage(unreadableFile('a.txt', new Error('odd')), en)).toBe('Could not read the file “a.txt”: odd');
  });
});

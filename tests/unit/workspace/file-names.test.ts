import { describe, expect, it } from 'vitest';
import { safeFileName, safeNamePart } from '../../../shared/file-names';
import { opensDirectly } from '../../../shared/workspace/media-types';
import { planFileName } from '../../../shared/plan';
import { publicKeyFileName, reportFileName } from '../../../shared/report/file-names';
import { parsePeriod } from '../../../shared/report/period';

describe('safeFileName', () => {
  it('keeps ordinary Chinese and English names as they are', () => {
    for (const name of ['验收报告.pdf', '现场照片(2).JPG', 'Meeting notes 2016.docx', '.hidden', '第 3 季度 总结.xlsx']) {
      expect(safeFileName(name)).toBe(name);
    }
  });

  it('takes the last path segment only', () => {
    expect(safeFileName('../../上传.txt')).toBe('上传.txt');
    expect(safeFileName('C:\\Users\\张三\\材料.pdf')).toBe('材料.pdf');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
  });

  it('replaces what Windows reserves, so ":" cannot name an NTFS alternate data stream', () => {
    expect(safeFileName('报告.txt:隐藏.exe')).toBe('报告.txt_隐藏.exe');
    expect(safeFileName('a<b>c"d|e?f*g.txt')).toBe('a_b_c_d_e_f_g.txt');
    expect(safeFileName('tab\there\u0000.txt')).toBe('tab_here_.txt');
    // Right-to-left override, used to disguise "evil‮fdp.exe" as "evilexe.pdf".
    expect(safeFileName('evil\u202Efdp.exe')).toBe('evil_fdp.exe');
  });

  it('drops trailing dots and spaces, which Windows silently drops', () => {
    expect(safeFileName('名单.txt. . ')).toBe('名单.txt');
    expect(safeFileName('run.exe.')).toBe('run.exe');
    expect(safeFileName('  spaced  ')).toBe('spaced');
  });

  it('never yields a Windows device name', () => {
    for (const name of [
      'CON',
      'con.txt',
      'Prn.pdf',
      'AUX',
      'nul.tar.gz',
      'COM1',
      'com9.log',
      'LPT1.doc',
      'lpt³',
      'CONIN$',
      'conout$.txt',
    ]) {
      const safe = safeFileName(name);
      expect(safe, name).toBe(`_${name}`);
    }
    // Windows drops spaces and dots before the extension: these open the device too.
    for (const name of ['CON .txt', 'nul  .log', 'Aux..pdf', 'COM1 . .txt']) expect(safeFileName(name), name).toBe(`_${name}`);
    expect(safeFileName('console.log')).toBe('console.log');
    expect(safeFileName('COM10.txt')).toBe('COM10.txt');
  });

  it('falls back for names with nothing left', () => {
    for (const name of ['', '   ', '.', '..', '...', '/', 'a/', ' . ']) expect(safeFileName(name), JSON.stringify(name)).toBe('file');
    expect(safeFileName('', { fallback: 'attachment' })).toBe('attachment');
  });

  it('shortens long names and keeps the extension, never splitting a character', () => {
    const long = `${'很长的文件名'.repeat(60)}.docx`;
    const safe = safeFileName(long);
    expect(safe.length).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.docx')).toBe(true);
    const astral = `${'𠀀'.repeat(150)}.pdf`;
    const cut = safeFileName(astral, { maxLength: 80 });
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.endsWith('.pdf')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    expect([...cut.slice(0, -4)].every((char) => char === '𠀀')).toBe(true);
  });
});

describe('opensDirectly', () => {
  it('lets documents, PDF, spreadsheets, presentations, images and plain text open with the system app', () => {
    for (const name of [
      '报告.pdf',
      '公文.ofd',
      'scan.JPG',
      '照片.png',
      'x.heic',
      '会议纪要.docx',
      '旧.doc',
      '金山.wps',
      'data.xlsx',
      'b.et',
      'c.csv',
      'slides.pptx',
      'notes.txt',
      'a.rtf',
    ]) {
      expect(opensDirectly(name), name).toBe(true);
    }
  });

  it('shows everything else in its folder: programs, scripts, shortcuts, web pages, archives, media, unknown types', () => {
    const others = [
      'setup.exe',
      'RUN.BAT',
      'x.cmd',
      'a.com',
      'b.scr',
      'c.hta',
      'd.js',
      'f.vbs',
      'h.wsf',
      'j.ps1',
      'k.msi',
      'l.lnk',
      'm.url',
      'n.reg',
      'o.cpl',
      'p.jar',
    ];
    others.push(
      '报告.pdf.exe',
      'page.html',
      'page.htm',
      'drawing.svg',
      'data.xml',
      'macro.docm',
      'sheet.xlsm',
      'bundle.zip',
      'a.7z',
      'song.mp3',
      'clip.mp4',
    );
    others.push('x.abc', 'exe', 'no-extension', '.pdf', 'trailing.');
    for (const name of others) expect(opensDirectly(name), name).toBe(false);
  });
});

describe('names made from text (a plan title, a department)', () => {
  it('keep slashes as part of the name, and are safe like any file name', () => {
    expect(safeNamePart('质量/安全 工作')).toBe('质量_安全 工作');
    expect(safeNamePart('a\\b')).toBe('a_b');
    expect(safeNamePart('CON')).toBe('_CON');
    expect(safeNamePart(' . ', 200, 'plan')).toBe('plan');
  });

  it('give plan, report and key files names every system accepts', () => {
    expect(planFileName('2016年全省质量行动计划')).toBe('2016年全省质量行动计划.plan.json');
    expect(planFileName('evil\u202Enosj')).toBe('evil_nosj.plan.json');
    expect(planFileName('计划. . ')).toBe('计划.plan.json');
    // Cut at 80 code units without splitting the emoji that straddles the limit.
    expect(planFileName(`${'a'.repeat(79)}😀`)).toBe(`${'a'.repeat(79)}.plan.json`);
    expect(reportFileName('CON', parsePeriod('2016')!)).toBe('CON-2016年.plreport');
    expect(reportFileName('省\u202E局', parsePeriod('2016')!)).toBe('省_局-2016年.plreport');
    expect(publicKeyFileName('nul')).toBe('nul-签名公钥.pem');
    expect(publicKeyFileName('a/b\u200B')).toBe('a_b_-签名公钥.pem');
  });
});

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n/resources';
import { signerVerdict } from '../../../shared/report/trust';
import {
  entryNameKey,
  formatFingerprint,
  isSafeEntryPath,
  Manifest,
  normalizeFingerprint,
  printableName,
  serializeManifest,
  verifyFailureReasons,
} from '../../../shared/report/manifest';
import { sampleContent } from './support';

const hex = '0123456789abcdef'.repeat(4);
const manifest: Manifest = {
  format: 'planledger-report',
  formatVersion: 1,
  ...sampleContent,
  signer: { fingerprint: hex },
  files: [{ path: 'report.json', size: 2, sha256: hex }],
};

describe('entry paths', () => {
  it.each(['report.json', 'attachments/现场照片 (1).jpg', 'attachments/2026/三季度/纪要.docx', '.hidden', `${'长'.repeat(85)}`])(
    'accepts %s',
    (path) => {
      expect(isSafeEntryPath(path)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent segment', 'a/../b'],
    ['current segment', 'a/./b'],
    ['empty segment', 'a//b'],
    ['trailing slash (a folder)', 'attachments/'],
    ['backslash', 'a\\b'],
    ['drive letter', 'C:/x'],
    ['NTFS stream', 'report.json:hidden'],
    ['NUL', 'a\u0000b'],
    ['newline', 'a\nb'],
    ['escape', 'a\u001b[31mb'],
    ['bidi override', 'photo\u202egpj.exe'],
    ['zero-width space', 'repo\u200brt.json'],
    ['lone surrogate', 'a\ud800b'],
    ['Windows device name', 'attachments/nul.txt'],
    ['Windows device name, any case', 'Com1'],
    ['Windows console device name', 'attachments/conout$.txt'],
    ['trailing dot', 'report.'],
    ['trailing space', 'report '],
    ['Windows-reserved character', 'what?.txt'],
    ['over 255 UTF-8 bytes', '长'.repeat(86)],
  ])('refuses %s', (_label, path) => {
    expect(isSafeEntryPath(path)).toBe(false);
  });

  it('treats names that collide on Windows or macOS as the same', () => {
    expect(entryNameKey('Report.JSON')).toBe(entryNameKey('report.json'));
    expect(entryNameKey('lǜ'.normalize('NFD'))).toBe(entryNameKey('lǜ'.normalize('NFC')));
    expect(entryNameKey('a.json')).not.toBe(entryNameKey('b.json'));
    expect(entryNameKey('σοφία')).toBe(entryNameKey('ςοφία'));
    expect(entryNameKey('last')).toBe(entryNameKey('laſt'));
  });

  it('prints hostile names harmlessly', () => {
    expect(printableName('a\u001b[2Jb\u202ec\nd')).toBe('a\\u{1b}[2Jb\\u{202e}c\\u{a}d');
    expect([...printableName('长'.repeat(500))]).toHaveLength(120);
    expect(printableName('attachments/纪要.txt')).toBe('attachments/纪要.txt');
  });
});

describe('fingerprints', () => {
  it('display as 16 groups of 4 uppercase hex digits, optionally over lines', () => {
    expect(formatFingerprint(hex)).toBe('0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF');
    expect(formatFingerprint(hex, 8).split('\n')).toEqual([
      '0123 4567 89AB CDEF 0123 4567 89AB CDEF',
      '0123 4567 89AB CDEF 0123 4567 89AB CDEF',
    ]);
  });

  it('are read back from any display form, and nothing else', () => {
    expect(normalizeFingerprint(formatFingerprint(hex, 8))).toBe(hex);
    expect(normalizeFingerprint(hex.match(/../gu)?.join(':').toUpperCase() as string)).toBe(hex);
    expect(normalizeFingerprint(` ${hex} `)).toBe(hex);
    expect(normalizeFingerprint(hex.slice(1))).toBeNull();
    expect(normalizeFingerprint(`${hex.slice(1)}g`)).toBeNull();
  });
});

describe('the manifest', () => {
  it('serialises with keys in schema order, two-space indent and a final newline', () => {
    const shuffled = Object.fromEntries(Object.entries(manifest).reverse()) as Manifest;
    const text = serializeManifest(shuffled);
    expect(text).toBe(serializeManifest(manifest));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'formatVersion',
      'plan',
      'department',
      'period',
      'generatedAt',
      'generator',
      'signer',
      'files',
      'summary',
    ]);
  });

  it.each<[string, unknown]>([
    ['an unknown top-level key', { ...manifest, note: 'x' }],
    ['an unknown nested key', { ...manifest, plan: { ...manifest.plan, url: 'x' } }],
    ['another format version', { ...manifest, formatVersion: 2 }],
    ['a time without a time zone', { ...manifest, generatedAt: '2026-11-25T14:03:00' }],
    ['a period that ends before it starts', { ...manifest, period: { ...manifest.period, to: '2026-06-30' } }],
    ['an uppercase hash', { ...manifest, signer: { fingerprint: hex.toUpperCase() } }],
    ['a duplicate listed path', { ...manifest, files: [...manifest.files, { path: 'REPORT.json', size: 1, sha256: hex }] }],
    ['the manifest listing itself', { ...manifest, files: [{ path: 'manifest.json', size: 1, sha256: hex }] }],
    ['a fractional count', { ...manifest, summary: { tasks: 1.5 } }],
  ])('refuses %s', (_label, candidate) => {
    expect(Manifest.safeParse(candidate).success).toBe(false);
    expect(() => serializeManifest(candidate as Manifest)).toThrow();
  });
});

describe('refusal reasons', () => {
  it('each have a message in both languages that shows the detail', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
    for (const language of ['zh-CN', 'en']) {
      await instance.changeLanguage(language);
      for (const reason of verifyFailureReasons) {
        const key = `report.verify.reasons.${reason}`;
        expect(instance.exists(key), `${language} ${key}`).toBe(true);
        if (reason !== 'not_a_zip') expect(instance.t(key, { detail: 'DETAIL' }), `${language} ${key}`).toContain('DETAIL');
      }
    }
  });
});

describe('the verdict on a signer', () => {
  it('is trusted only when registered for the department the report claims', () => {
    expect(signerVerdict('经济和信息化', '经济和信息化')).toBe('trusted');
    expect(signerVerdict(' 经济和信息化 ', '经济和信息化')).toBe('trusted');
    expect(signerVerdict(null, '经济和信息化')).toBe('unknown_signer');
    expect(signerVerdict('质监', '经济和信息化')).toBe('other_department');
  });
});

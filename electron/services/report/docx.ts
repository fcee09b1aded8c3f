import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IParagraphStyleOptions,
} from 'docx';
import type { ReportAttachment, ReportData, ReportMeasure, ReportTask } from '../../../shared/report/data';
import {
  bookTitle,
  chineseDate,
  chineseDateTime,
  cleanText,
  fileSize,
  isOverdue,
  localDateOf,
  offsetMinutesOf,
  reportTitle,
  roleWord,
  statusWord,
  timeAtOffset,
  unitNameOf,
} from '../../../shared/report/text';
import {
  contactLine,
  dash,
  groupHeading,
  measureProgressText,
  notFilled,
  overviewCounts,
  overviewSentence,
  periodText,
  planLines,
  textLines,
  zh,
} from '../../../shared/report/wording';
import { appXml, coreXml, fontTableXml, repackDeterministic } from './docx-package';

/**
 * report.docx: the report as the official paper a government office files and edits
 * (党政机关公文格式, GB/T 9704-2012), with the same content as report.html except html's
 * closing note about the package (this file also goes out on its own, to be edited; the
 * program that wrote it is named in its properties instead). Written with the `docx`
 * package; the parts it cannot express (the font table's fallbacks, fixed document dates, a
 * zip without the clock's time) are replaced in docx-package.ts, so the same data always
 * gives the same bytes.
 */
export async function renderReportDocx(data: ReportData): Promise<Buffer> {
  const title = reportTitle(data);
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts.body, size: pt(16) } } }, paragraphStyles },
    sections: [
      {
        properties: {
          page: {
            size: { width: a4.width, height: a4.height },
            margin: {
              top: mmToTwips(margins.top),
              bottom: mmToTwips(margins.bottom),
              left: mmToTwips(margins.left),
              right: mmToTwips(margins.right),
              header: mmToTwips(margins.header),
              footer: mmToTwips(margins.footer),
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...titleBlock(data),
          ...overview(data),
          ...measuresSection(data),
          ...textSection('三、存在问题', data.problems),
          ...textSection('四、下步打算', data.nextSteps),
          ...closing(data),
        ],
      },
    ],
  });
  const packed = await Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml(Object.values(fonts)) },
    { path: 'docProps/core.xml', data: coreXml({ title, creator: unitNameOf(data), at: data.generatedAt }) },
    { path: 'docProps/app.xml', data: appXml(`${data.generator.name} ${data.generator.version}`) },
  ]);
  return repackDeterministic(packed, data.generatedAt);
}

// ---------------------------------------------------------------------------------------
// Measures (GB/T 9704-2012, 5.2 and 7.2)

/** A4 in twips (1/1440 inch). */
export const a4 = { width: 11906, height: 16838 };

/**
 * Page margins in mm: 版心 156 mm × 225 mm, 天头 37 mm, 订口 28 mm. The page number's rule
 * sits 7 mm below the text block, so the footer's baseline area ends one 4号 line (≈5 mm)
 * under that: 35 − 7 − 5 = 23 mm from the bottom edge.
 */
export const margins = { top: 37, bottom: 35, left: 28, right: 26, header: 15, footer: 23 };

export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Font sizes in half-points, as OOXML counts them. */
function pt(points: number): number {
  return points * 2;
}

/** 二号, 三号, 四号, 小四 in points. */
const sizes = { title: 22, body: 16, footer: 14, table: 12 };

/** 22 lines to the 225 mm text block: 28.95 pt, written as the twips Word uses for “固定值 29 磅”. */
export const bodyLineTwips = 579;
/** The title's two lines (二号) set a little apart: 固定值 35 磅. */
const titleLineTwips = 700;
/** One character of body text (三号) in twips: the unit of “空一字”, “空二字”, “右空四字”. */
const bodyCharTwips = sizes.body * 20;

/**
 * The fonts GB/T 9704 names, with the ones Word and WPS take where they are not installed:
 * the font table says so (w:altName, and a family and pitch of the same kind) and the body
 * fonts' Windows names come first in it. 方正小标宋简体 and the _GB2312 fonts ship with
 * government PCs but not with every Windows; 宋体, 仿宋, 楷体 and 黑体 ship with all of them.
 */
export const fonts = {
  title: { name: '方正小标宋简体', altName: '宋体', panose: '02000000000000000000', family: 'auto', pitch: 'variable' },
  body: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  level1: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  level2: { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  pageNumber: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
} as const;

export type DocxFont = (typeof fonts)[keyof typeof fonts];

/** w:rFonts for a font: East Asian text and, since these fonts have Latin letters and digits of the same style, the rest too. */
function font(which: DocxFont) {
  return { eastAsia: which.name, ascii: which.name, hAnsi: which.name, cs: which.name };
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: 'ReportBody',
    name: '公文正文',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(fonts.body), size: pt(sizes.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
    // firstLineChars for Word and WPS, firstLine (the same two characters in twips) for LibreOffice, which reads only that.
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(bodyLineTwips),
      indent: { firstLineChars: 200, firstLine: 2 * bodyCharTwips },
    },
  },
  {
    id: 'ReportTitle',
    name: '公文标题',
    basedOn: 'ReportBody',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(fonts.title), size: pt(sizes.title) },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: exact(titleLineTwips),
      indent: { firstLineChars: 0, firstLine: 0 },
      outlineLevel: 0,
    },
  },
  {
    id: 'ReportHeading1',
    name: '公文一级标题',
    basedOn: 'ReportBody',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(fonts.level1), size: pt(sizes.body) },
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: 'ReportHeading2',
    name: '公文二级标题',
    basedOn: 'ReportBody',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(fonts.level2), size: pt(sizes.body) },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    // 第三层: the parts of a measure (工作开展情况, 任务落实情况…), 仿宋 bold as offices set “1.”.
    id: 'ReportHeading3',
    name: '公文三级标题',
    basedOn: 'ReportBody',
    next: 'ReportBody',
    quickFormat: true,
    run: { bold: true },
    paragraph: { keepNext: true, outlineLevel: 2 },
  },
  {
    id: 'ReportTableText',
    name: '公文表格',
    basedOn: 'ReportBody',
    next: 'ReportTableText',
    run: { size: pt(sizes.table) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: exact(sizes.table * 20 + 80), indent: { firstLineChars: 0, firstLine: 0 } },
  },
];

// ---------------------------------------------------------------------------------------
// Paragraphs

function body(text: string, options: Omit<IParagraphOptions, 'text' | 'children'> = {}): Paragraph {
  return new Paragraph({ style: 'ReportBody', ...options, children: [new TextRun(cleanText(text))] });
}

const heading1 = (text: string) => new Paragraph({ style: 'ReportHeading1', children: [new TextRun(text)] });
const heading2 = (text: string) => new Paragraph({ style: 'ReportHeading2', children: [new TextRun(cleanText(text))] });
const heading3 = (text: string) => new Paragraph({ style: 'ReportHeading3', children: [new TextRun(text)] });
const blankLine = () => new Paragraph({ style: 'ReportBody', children: [] });

/** A coordinator's text: a paragraph per line typed, `(未填写)` when there is none. */
function paragraphs(text: string): Paragraph[] {
  const list = textLines(text);
  return list.length === 0 ? [body(notFilled)] : list.map((line) => body(line));
}

/** The footer's page number, `— 1 —` in 4号 宋体, 空一字 from the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = sizes.footer * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(fonts.pageNumber), size: pt(sizes.footer) })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------
// Tables

const textWidthTwips = a4.width - mmToTwips(margins.left) - mmToTwips(margins.right);
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const gridBorders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

type Align = 'left' | 'center' | 'right';
interface Column {
  header: string;
  /** Share of the text width: the twips it would take on a page of exactly that width (8,845 for these margins). */
  weight: number;
  align?: Align;
}

const cellPadding = { left: 60, right: 60, top: 30, bottom: 30 };
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function cellParagraphs(text: string, align: Align, bold = false): Paragraph[] {
  const list = textLines(text);
  return (list.length === 0 ? [''] : list).map(
    (part) => new Paragraph({ style: 'ReportTableText', alignment: alignments[align], children: [new TextRun({ text: part, bold })] }),
  );
}

/** Widths in twips for the columns' weights, summing to the text width exactly. */
export function columnWidths(weights: readonly number[], total = textWidthTwips): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((weight * total) / sum));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A ruled table with its header row repeated on every page and no row split across pages. */
function grid(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const widths = columnWidths(columns.map((column) => column.weight));
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] as number, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
      children: cellParagraphs(text, header ? 'center' : (columns[index]?.align ?? 'left'), header),
    });
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Cell padding once for the table, not per cell: a report of thousands of tasks has tens of thousands of cells.
    margins: cellPadding,
    borders: gridBorders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((column, index) => cell(column.header, index, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, index, false)) })),
    ],
  });
}

// ---------------------------------------------------------------------------------------
// Parts of the document

/** Widths in characters of body text: a digit or Latin letter counts half. */
function textWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/u.test(char) ? 0.5 : 1), 0);
}

/** Characters of 二号 on one line of the 156 mm text block. */
const titleLineWidth = 20;
const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const openingMarks = /^[《(\uFF08“‘[]+$/u;
/** A number stays with its unit: 2016年, 103号. */
const numberUnit = /^[年月日号期次项条个届]/u;
const closingMarks = /^[》)\uFF09”’\]、,\uFF0C。:\uFF1A;\uFF1B]+$/u;

/**
 * The title in lines as GB/T 9704 wants them (7.3.2): broken between words, never inside
 * one, lines of about equal length (a trapezoid or diamond rather than a full line and a
 * stub), preferring the joints between the parts given (…关于 | 《plan》 | 贯彻落实情况的报告).
 * Words come from the ICU dictionary (Intl.Segmenter); brackets and units stay with their words. A
 * title that fits on one line is one line.
 */
export function titleLines(parts: readonly string[], maxWidth = titleLineWidth): string[] {
  const tokens: { text: string; width: number; joint: boolean }[] = [];
  parts.forEach((part, partIndex) => {
    for (const { segment } of wordSegmenter.segment(part)) {
      const previous = tokens.at(-1);
      const glued =
        closingMarks.test(segment) ||
        (previous && (openingMarks.test(previous.text) || (/\d$/u.test(previous.text) && numberUnit.test(segment))));
      if (previous && glued) {
        previous.text += segment;
        previous.width += textWidth(segment);
      } else tokens.push({ text: segment, width: textWidth(segment), joint: false });
    }
    const last = tokens.at(-1);
    if (last && partIndex < parts.length - 1) last.joint = true;
  });
  const total = tokens.reduce((sum, token) => sum + token.width, 0);
  if (total <= maxWidth) return [tokens.map((token) => token.text).join('')];
  // Worth a few characters of imbalance: a whole 《title》 on its line reads better than two even halves.
  const jointBonus = 25;
  for (let lines = Math.ceil(total / maxWidth); lines <= tokens.length; lines++) {
    const average = total / lines;
    // best[j][i]: the least cost of setting the first i tokens in j lines, and where its last line starts.
    const best = Array.from({ length: lines + 1 }, () => Array.from({ length: tokens.length + 1 }, () => ({ cost: Infinity, from: -1 })));
    best[0]![0] = { cost: 0, from: -1 };
    for (let j = 1; j <= lines; j++) {
      for (let i = 1; i <= tokens.length; i++) {
        let width = 0;
        for (let start = i - 1; start >= 0; start--) {
          width += tokens[start]!.width;
          if (width > maxWidth) break;
          const before = best[j - 1]![start]!.cost;
          if (before === Infinity) continue;
          const cost = before + (width - average) ** 2 - (i < tokens.length && tokens[i - 1]!.joint ? jointBonus : 0);
          if (cost < best[j]![i]!.cost) best[j]![i] = { cost, from: start };
        }
      }
    }
    if (best[lines]![tokens.length]!.cost === Infinity) continue;
    const result: string[] = [];
    for (let j = lines, i = tokens.length; j > 0; j--) {
      const from = best[j]![i]!.from;
      result.unshift(
        tokens
          .slice(from, i)
          .map((token) => token.text)
          .join(''),
      );
      i = from;
    }
    return result;
  }
  // A single word wider than a line: Word wraps it.
  return [tokens.map((token) => token.text).join('')];
}

function titleBlock(data: ReportData): (Paragraph | Table)[] {
  const facts: [string, string][] = [
    ['报送单位', unitNameOf(data)],
    ['报告期间', periodText(data)],
    ['计划文件', planLines(data.plan).join('\n')],
    ['生成时间', chineseDateTime(data.generatedAt)],
  ];
  const widths = columnWidths([1, 4]);
  const factsTable = new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: facts.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0] as number, type: WidthType.DXA }, children: cellParagraphs(label, 'left', true) }),
            new TableCell({ width: { size: widths[1] as number, type: WidthType.DXA }, children: cellParagraphs(value, 'left') }),
          ],
        }),
    ),
  });
  return [
    blankLine(),
    new Paragraph({
      style: 'ReportTitle',
      children: titleLines([`${unitNameOf(data)}关于`, bookTitle(data.plan.title), '贯彻落实情况的报告'].map(cleanText)).map(
        (line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }),
      ),
    }),
    new Paragraph({
      style: 'ReportHeading2',
      alignment: AlignmentType.CENTER,
      indent: { firstLineChars: 0, firstLine: 0 },
      children: [new TextRun(zh`(${cleanText(data.period.label)})`)],
    }),
    blankLine(),
    factsTable,
    blankLine(),
  ];
}

function overview(data: ReportData): (Paragraph | Table)[] {
  const counts = overviewCounts(data);
  const listColumns: Column[] = [
    { header: '序号', weight: 620, align: 'center' },
    { header: '编号', weight: 1100, align: 'center' },
    { header: '措施', weight: 3345 },
    { header: '本部门', weight: 900, align: 'center' },
    { header: '状态', weight: 900, align: 'center' },
    { header: '完成情况', weight: 1100, align: 'center' },
    { header: '进度', weight: 880, align: 'center' },
  ];
  const rows = data.measures.map((m, index) => [
    String(index + 1),
    m.label,
    m.title,
    roleWord(m.role),
    statusWord(m.status),
    m.total === 0 ? '未分解' : `${m.done}/${m.total}`,
    m.total === 0 ? dash : `${m.percent}%`,
  ]);
  return [
    heading1('一、总体情况'),
    body(overviewSentence(data)),
    grid(
      counts.map(([label]) => ({ header: label, weight: 1, align: 'center' })),
      [counts.map(([, value]) => value)],
    ),
    new Paragraph({
      style: 'ReportHeading3',
      alignment: AlignmentType.CENTER,
      indent: { firstLineChars: 0, firstLine: 0 },
      children: [new TextRun('各项措施落实情况一览')],
    }),
    ...(rows.length === 0 ? [body('本期没有承担的措施。')] : [grid(listColumns, rows)]),
  ];
}

/** Measures in plan order, under their chapter and group headings (as report.html sets them). */
function measuresSection(data: ReportData): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [heading1('二、各项措施落实情况')];
  const offset = offsetMinutesOf(data.generatedAt) ?? 0;
  let chapter: string | null = null;
  let group: string | null = null;
  for (const measure of data.measures) {
    if (measure.chapter !== null && measure.chapter !== chapter) {
      parts.push(new Paragraph({ style: 'ReportHeading2', children: [new TextRun({ text: cleanText(measure.chapter), bold: true })] }));
      group = null;
    }
    chapter = measure.chapter;
    if (measure.group !== null && measure.group !== group) parts.push(heading2(groupHeading(measure)));
    group = measure.group;
    parts.push(...measureBlock(data, measure, offset));
  }
  if (data.measures.length === 0) parts.push(body('本期没有承担的措施。'));
  return parts;
}

function measureBlock(data: ReportData, measure: ReportMeasure, offset: number): (Paragraph | Table)[] {
  const facts = zh`本部门角色:${roleWord(measure.role)};完成时限:${measure.due ? chineseDate(measure.due) : '未规定'};落实状态:${statusWord(measure.status)};完成进度:${measureProgressText(measure)}。`;
  return [
    new Paragraph({ style: 'ReportHeading2', children: [new TextRun(cleanText(`${measure.label} ${measure.title}`))] }),
    body(facts),
    heading3('工作开展情况'),
    ...paragraphs(measure.workDone),
    heading3('任务落实情况'),
    ...(measure.tasks.length === 0 ? [body('本期未分解工作任务。')] : [tasksTable(data, measure.tasks)]),
    ...(measure.attachments.length === 0 ? [] : [heading3('措施相关证明材料'), ...measure.attachments.map((file) => body(fileName(file)))]),
    heading3('本期变更情况'),
    ...(measure.changes.length === 0
      ? [body('本期无变更记录。')]
      : [
          grid(
            [
              { header: '时间', weight: 2400, align: 'center' },
              { header: '经办人', weight: 1000, align: 'center' },
              { header: '内容', weight: 5445 },
            ],
            measure.changes.map((change) => [timeAtOffset(change.at, offset), change.actor || dash, change.description]),
          ),
        ]),
  ];
}

const taskColumns: Column[] = [
  { header: '序号', weight: 600, align: 'center' },
  { header: '任务', weight: 1900 },
  { header: '状态', weight: 880, align: 'center' },
  { header: '进度', weight: 820, align: 'center' },
  { header: '责任人', weight: 920, align: 'center' },
  { header: '完成时限', weight: 1450, align: 'center' },
  { header: '备注', weight: 1175 },
  { header: '证明材料', weight: 1100 },
];

function tasksTable(data: ReportData, tasks: ReportTask[]): Table {
  return grid(
    taskColumns,
    tasks.map((task, index) => [
      String(index + 1),
      task.text,
      statusWord(task.status),
      `${task.progress}%`,
      textLines(task.owner).join('\n') || dash,
      `${task.due ?? dash}${isOverdue(task, data) ? '\n已逾期' : ''}`,
      task.notes,
      task.attachments.map(fileName).join('\n'),
    ]),
  );
}

/** An evidence file by name and size: `会议纪要.pdf(1.2 MB)`; the file itself is in the package's attachments/. */
function fileName(file: ReportAttachment): string {
  return `${file.name}${zh`(${fileSize(file.size)})`}`;
}

function textSection(heading: string, text: string): Paragraph[] {
  return [heading1(heading), ...paragraphs(text)];
}

/**
 * The sign-off of a document without a seal (7.3.5.3), as a report sent as a file is: the
 * unit's name 右空二字, the date on the next line starting two characters further right;
 * when the date would then reach past the name's end, the date stands 右空二字 and the name
 * moves left to keep the two-character step. Right indents in characters of body text, a
 * digit or Latin letter counting half.
 */
export function signOffIndents(name: string, date: string): { name: number; date: number } {
  const nameWidth = textWidth(name);
  const dateWidth = textWidth(date);
  const dateRight = nameWidth - dateWidth;
  if (dateRight >= 2) return { name: 2, date: dateRight };
  return { name: dateWidth + 4 - nameWidth, date: 2 };
}

function closing(data: ReportData): Paragraph[] {
  const unit = cleanText(unitNameOf(data));
  const date = localDateOf(data.generatedAt);
  const dateText = date ? chineseDate(date) : '';
  const indents = date ? signOffIndents(unit, dateText) : { name: 2, date: 2 };
  const signed = (text: string, chars: number) =>
    new Paragraph({
      style: 'ReportBody',
      alignment: AlignmentType.RIGHT,
      indent: { firstLineChars: 0, firstLine: 0, right: Math.max(0, Math.round(chars * bodyCharTwips)) },
      keepNext: true,
      children: [new TextRun(text)],
    });
  return [blankLine(), blankLine(), signed(unit, indents.name), ...(date ? [signed(dateText, indents.date)] : []), body(contactLine(data))];
}

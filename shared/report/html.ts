import type { ReportAttachment, ReportData, ReportMeasure, ReportTask } from './data';
import { reportCss } from './html-css';
import { isSafeEntryPath } from './manifest';
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
} from './text';
import {
  contactLine,
  dash,
  generatorLine,
  groupHeading,
  measureProgressText,
  notFilled,
  overviewCounts,
  overviewSentence,
  periodText,
  planIssuedText,
  textLines,
  zh,
} from './wording';

/**
 * report.html: the report as a Chinese official 工作情况报告, one self-contained HTML5 file
 * that opens offline in any browser and prints on A4 — inline CSS only, no script, no
 * external resource (a Content-Security-Policy says so too), system fonts only. Evidence
 * files are relative links into the package's attachments/ folder, so they open once the
 * package is extracted. Everything taken from the data is escaped; the same data always
 * gives the same bytes.
 */
export function renderReportHtml(data: ReportData): string {
  const title = reportTitle(data);
  const offset = offsetMinutesOf(data.generatedAt) ?? 0;
  const body = [
    titleBlock(data, title),
    overview(data),
    measuresSection(data, offset),
    textSection('三、存在问题', data.problems),
    textSection('四、下步打算', data.nextSteps),
    closing(data),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(`${data.generator.name} ${data.generator.version}`)}">
<title>${zh`${esc(title)}(${esc(data.period.label)})`}</title>
<style>
${reportCss(data)}
</style>
</head>
<body>
<main class="paper">
${body}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------
// Text

/** Escaped for HTML text and double- or single-quoted attributes. */
function esc(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (char) => entities[char] as string);
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A coordinator's text as paragraphs, one per line typed; `(未填写)` when there is none. */
function paragraphs(text: string): string {
  const list = textLines(text);
  if (list.length === 0) return `<p class="blank">${notFilled}</p>`;
  return list.map((line) => `<p>${esc(line)}</p>`).join('\n');
}

/** Text in a table cell: line breaks kept. */
function cell(text: string): string {
  return textLines(text).map(esc).join('<br>');
}

// ---------------------------------------------------------------------------------------
// Parts of the document

function titleBlock(data: ReportData, title: string): string {
  const plan = data.plan;
  const issued = planIssuedText(plan);
  const rows: [string, string][] = [
    ['报送单位', esc(unitNameOf(data))],
    ['报告期间', esc(periodText(data))],
    [
      '计划文件',
      `${esc(bookTitle(plan.title))}${plan.docNumber ? `<br><span class="doc-number">${esc(plan.docNumber)}</span>` : ''}${issued ? `<br>${esc(issued)}` : ''}`,
    ],
    ['生成时间', esc(chineseDateTime(data.generatedAt))],
  ];
  return `<header class="title-block">
<h1>${esc(title)}</h1>
<p class="subtitle">${zh`(${esc(data.period.label)})`}</p>
<table class="meta">
<tbody>
${rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join('\n')}
</tbody>
</table>
</header>`;
}

function overview(data: ReportData): string {
  const sentence = esc(overviewSentence(data));
  const counts = overviewCounts(data);
  const rows = data.measures
    .map(
      (m, index) => `<tr>
<td class="num">${index + 1}</td>
<td><a href="#m${index + 1}" class="ref">${esc(m.label)}</a></td>
<td>${esc(m.title)}</td>
<td class="center">${roleWord(m.role)}</td>
<td class="center">${statusWord(m.status)}</td>
<td class="center">${m.total === 0 ? '未分解' : `${m.done}/${m.total}`}</td>
<td class="num">${m.total === 0 ? dash : `${m.percent}%`}</td>
</tr>`,
    )
    .join('\n');
  return `<section class="overview">
<h2>一、总体情况</h2>
<p>${sentence}</p>
<table class="counts">
<thead><tr>${counts.map(([label]) => `<th scope="col">${label}</th>`).join('')}</tr></thead>
<tbody><tr>${counts.map(([, value]) => `<td>${value}</td>`).join('')}</tr></tbody>
</table>
<p class="table-caption">各项措施落实情况一览</p>
<table class="grid list">
<colgroup><col class="c-index"><col class="c-label"><col><col class="c-role"><col class="c-status"><col class="c-tasks"><col class="c-percent"></colgroup>
<thead><tr><th scope="col">序号</th><th scope="col">编号</th><th scope="col">措施</th><th scope="col">本部门</th><th scope="col">状态</th><th scope="col">完成情况</th><th scope="col">进度</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="7" class="center">本期没有承担的措施</td></tr>`}
</tbody>
</table>
</section>`;
}

/** Measures in plan order, under their chapter and group headings. */
function measuresSection(data: ReportData, offset: number): string {
  const parts: string[] = ['<section class="measures">', '<h2>二、各项措施落实情况</h2>'];
  let chapter: string | null = null;
  let group: string | null = null;
  data.measures.forEach((measure, index) => {
    const headings: string[] = [];
    if (measure.chapter !== null && measure.chapter !== chapter) {
      headings.push(`<h3 class="chapter">${esc(measure.chapter)}</h3>`);
      group = null;
    }
    chapter = measure.chapter;
    if (measure.group !== null && measure.group !== group) headings.push(`<h3 class="group">${esc(groupHeading(measure))}</h3>`);
    group = measure.group;
    parts.push(measureBlock(data, measure, index + 1, headings, offset));
  });
  if (data.measures.length === 0) parts.push('<p>本期没有承担的措施。</p>');
  parts.push('</section>');
  return parts.join('\n');
}

function measureBlock(data: ReportData, measure: ReportMeasure, number: number, headings: string[], offset: number): string {
  const progress = measureProgressText(measure);
  const facts = `<table class="facts">
<tbody><tr>
<th scope="row">本部门角色</th><td>${roleWord(measure.role)}</td>
<th scope="row">完成时限</th><td>${measure.due ? esc(chineseDate(measure.due)) : '未规定'}</td>
<th scope="row">落实状态</th><td>${statusWord(measure.status)}</td>
<th scope="row">完成进度</th><td>${progress}</td>
</tr></tbody>
</table>`;
  const heading = `<h4><span class="label">${esc(measure.label)}</span>${esc(measure.title)}</h4>`;
  return `<article class="measure" id="m${number}">
<div class="keep">
${[...headings, heading, facts].join('\n')}
</div>
<h5>工作开展情况</h5>
<div class="narrative">
${paragraphs(measure.workDone)}
</div>
<h5>任务落实情况</h5>
${measure.tasks.length === 0 ? '<p class="blank">本期未分解工作任务。</p>' : tasksTable(data, measure.tasks)}
${measure.attachments.length === 0 ? '' : `<h5>措施相关证明材料</h5>\n<ul class="files">\n${measure.attachments.map((file) => `<li>${fileLink(file)}</li>`).join('\n')}\n</ul>`}
<h5>本期变更情况</h5>
${measure.changes.length === 0 ? '<p class="blank">本期无变更记录。</p>' : changesTable(measure, offset)}
</article>`;
}

function tasksTable(data: ReportData, tasks: ReportTask[]): string {
  const rows = tasks
    .map((task, index) => {
      const overdue = isOverdue(task, data);
      return `<tr>
<td class="num">${index + 1}</td>
<td>${cell(task.text)}</td>
<td class="center">${statusWord(task.status)}</td>
<td class="num">${task.progress}%</td>
<td class="center">${cell(task.owner) || dash}</td>
<td class="center">${task.due ? esc(task.due) : dash}${overdue ? '<br><span class="overdue">已逾期</span>' : ''}</td>
<td>${cell(task.notes)}</td>
<td>${task.attachments.map((file) => `<div class="file">${fileLink(file)}</div>`).join('')}</td>
</tr>`;
    })
    .join('\n');
  return `<table class="grid tasks">
<colgroup><col class="c-index"><col class="c-task"><col class="c-status"><col class="c-progress"><col class="c-owner"><col class="c-due"><col class="c-notes"><col class="c-files"></colgroup>
<thead><tr><th scope="col">序号</th><th scope="col">任务</th><th scope="col">状态</th><th scope="col">进度</th><th scope="col">责任人</th><th scope="col">完成时限</th><th scope="col">备注</th><th scope="col">证明材料</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function changesTable(measure: ReportMeasure, offset: number): string {
  const rows = measure.changes
    .map(
      (change) =>
        `<tr><td class="center nowrap">${esc(timeAtOffset(change.at, offset))}</td><td class="center">${esc(change.actor) || dash}</td><td>${cell(change.description)}</td></tr>`,
    )
    .join('\n');
  return `<table class="grid changes">
<colgroup><col class="c-time"><col class="c-actor"><col></colgroup>
<thead><tr><th scope="col">时间</th><th scope="col">经办人</th><th scope="col">内容</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/**
 * An evidence file: a link relative to report.html (each path segment percent-encoded), and
 * its size. A path that is not a safe relative path inside attachments/ is not linked.
 */
function fileLink(file: ReportAttachment): string {
  const name = `${esc(file.name)}<span class="size">${zh`(${fileSize(file.size)})`}</span>`;
  if (!file.path.startsWith('attachments/') || !isSafeEntryPath(file.path)) return name;
  return `<a href="${esc(attachmentHref(file.path))}">${name}</a>`;
}

/** `attachments/2.1.1/会议 纪要#1.pdf` → `attachments/2.1.1/%E4%BC%9A%E8%AE%AE%20%E7%BA%AA%E8%A6%81%231.pdf`. */
export function attachmentHref(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/gu, (char) => `%${(char.codePointAt(0) as number).toString(16).toUpperCase()}`),
    )
    .join('/');
}

function textSection(heading: string, text: string): string {
  return `<section class="text">
<h2>${heading}</h2>
<div class="narrative">
${paragraphs(text)}
</div>
</section>`;
}

function closing(data: ReportData): string {
  const date = localDateOf(data.generatedAt);
  return `<footer class="closing">
<div class="sign">
<p>${esc(unitNameOf(data))}</p>
${date ? `<p>${esc(chineseDate(date))}</p>` : ''}
</div>
<p class="contact">${esc(contactLine(data))}</p>
<p class="generator">${esc(generatorLine(data))}</p>
</footer>`;
}

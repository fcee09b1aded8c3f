import zhPrint from '../i18n/zh-CN/print';
import { pageCss } from '../print/pdf-options';
import type { ReportData } from './data';
import { cleanText, unitNameOf } from './text';

const serif = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const sans = `"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

/** The stylesheet inlined into report.html: A4 paper on screen, the official layout in print. */
export function reportCss(data: ReportData): string {
  // Running header and page numbers in print, the same as the printed checklists (cssString
  // escapes a `<` in the department or document number, so neither can end the style element).
  const page = pageCss('portrait', {
    headerLeft: `${unitNameOf(data)} · ${data.period.label}贯彻落实情况报告`,
    headerRight: data.plan.docNumber ?? '',
    pageTemplate: zhPrint.doc.page,
  });
  return `${cleanText(page)}
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; padding: 12mm 0; color: #000; font: 12pt/1.75 ${serif}; overflow-wrap: break-word; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.paper { width: 210mm; max-width: 100%; margin: 0 auto; padding: 24mm 18mm 20mm 24mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
h1, h2, h3, h4, h5, th { font-family: ${sans}; font-weight: normal; }
h1 { margin: 0 0 3mm; font-size: 20pt; line-height: 1.5; text-align: center; text-wrap: balance; }
.subtitle { margin: 0 0 6mm; text-align: center; font-size: 14pt; }
h2 { margin: 8mm 0 3mm; font-size: 15pt; line-height: 1.5; }
h3 { margin: 6mm 0 3mm; font-size: 14pt; line-height: 1.5; }
h3.chapter { text-align: center; }
h4 { margin: 0 0 2mm; font-size: 12.5pt; line-height: 1.6; }
h4 .label { display: inline-block; margin-right: 0.6em; }
h5 { margin: 3.5mm 0 1.5mm; font-size: 11pt; line-height: 1.5; }
h5::before { content: "■ "; font-size: 8pt; vertical-align: 0.15em; }
p { margin: 0; }
.narrative p, .overview > p, .text p { text-indent: 2em; text-align: justify; }
p.blank { color: #444; text-indent: 2em; }
a { color: #000; text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 2pt; }
a.ref { text-decoration: none; }
table { width: 100%; border-collapse: collapse; }
.meta { width: auto; margin: 0 auto 4mm; font-size: 11pt; line-height: 1.6; }
.meta th { padding: 0.5mm 3mm 0.5mm 0; text-align: justify; text-align-last: justify; width: 5em; vertical-align: top; white-space: nowrap; }
.meta th::after { content: "\\FF1A"; }
.meta td { padding: 0.5mm 0; vertical-align: top; }
.grid, .counts, .facts { font-size: 10pt; line-height: 1.45; }
.grid th, .grid td, .counts th, .counts td, .facts th, .facts td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
.grid thead th, .counts thead th, .facts th { background: #ececec; font-size: 10pt; text-align: center; vertical-align: middle; }
.counts { margin: 3mm 0 4mm; }
.counts td { text-align: center; }
.table-caption { margin: 4mm 0 1.5mm; text-align: center; font-family: ${sans}; font-size: 11pt; }
.facts { margin: 0 0 2mm; }
.facts th { width: 5.5em; white-space: nowrap; }
.facts td { text-align: center; }
.num { text-align: center; white-space: nowrap; }
.center { text-align: center; }
.nowrap { white-space: nowrap; }
.overdue { font-family: ${sans}; }
.size { white-space: nowrap; font-size: 8.5pt; }
.file + .file { margin-top: 1mm; }
/* Fixed layouts: the widths below hold on any paper and in any browser; the rest goes to the text columns. */
.grid { table-layout: fixed; }
.grid th, .grid td { padding: 1.2mm 1.2mm; }
col.c-index { width: 6%; }
col.c-label { width: 9%; }
col.c-role, col.c-status { width: 8%; }
col.c-tasks { width: 10.5%; }
col.c-percent { width: 7.5%; }
.tasks { font-size: 9.5pt; }
.tasks col.c-status { width: 8.5%; }
col.c-task { width: 22%; }
col.c-progress { width: 7%; }
col.c-owner { width: 9.5%; }
col.c-due { width: 12.5%; }
col.c-notes { width: 16%; }
col.c-files { width: 18.5%; }
col.c-time { width: 19.5%; }
col.c-actor { width: 11%; }
.changes { font-size: 9.5pt; }
.measure { margin: 0 0 7mm; }
.files { margin: 0; padding-left: 2em; font-size: 10.5pt; }
.closing { margin-top: 12mm; }
.sign { display: table; margin: 0 4em 0 auto; text-align: center; }
.contact { margin-top: 8mm; text-indent: 2em; }
.generator { margin-top: 10mm; padding-top: 2mm; border-top: 0.5pt solid #000; font-size: 9pt; line-height: 1.5; color: #333; }
@media print {
  html, body { background: none; padding: 0; }
  .paper { width: auto; padding: 0; margin: 0; box-shadow: none; }
  h1, h2, h3, h4, h5, .table-caption, .keep { break-after: avoid; page-break-after: avoid; }
  .keep, tr, .files li, .sign, .contact { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
}`;
}

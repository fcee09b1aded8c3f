import { renderReportDocx } from '../../electron/services/report/docx';
import { ReportData } from '../../shared/report/data';
import { reportData } from '../fixtures/report-data';
import { benchmarkWithChild, metricsFromChild, peakRssKb, round, timeMs, type Metric } from './harness';

const docxJobVariable = 'PLANLEDGER_BENCH_REPORT_DOCX';
const tasksPerMeasure = 50;
const measures = 40;

/**
 * report.docx for a large department: 40 measures of 50 tasks each (2,000 tasks, each with
 * notes and an owner), rendered in a child process so that its peak RSS is its own.
 */
export const reportDocxBenchmark = benchmarkWithChild<{ measures: number }>(
  'report-docx',
  docxJobVariable,
  (dir) => metricsFromChild(dir, 'report-docx', docxJobVariable, { measures }),
  async (job) => {
    const data = largeReport(job.measures);
    const { ms, result } = await timeMs(() => renderReportDocx(data));
    process.stderr.write(`report.docx: ${String(data.summary.tasks)} tasks, ${String(result.length)} bytes\n`);
    const metrics: Metric[] = [
      { name: 'report.docx.2k.s', value: round(ms / 1000), unit: 's', budget: 10 },
      { name: 'report.docx.2k.peakRss.mb', value: round(peakRssKb() / 1024, 0), unit: 'MB', budget: 600 },
    ];
    return metrics;
  },
);

function largeReport(count: number): ReportData {
  const template = reportData.measures[1]!;
  const task = template.tasks[0]!;
  const measureList = Array.from({ length: count }, (_, m) => ({
    ...template,
    code: `9.${String(m + 1)}`,
    label: `(九)${String(m + 1)}`,
    title: `第${String(m + 1)}项措施:推进质量提升工程`,
    workDone: '一是召开推进会。\n二是印发实施方案。',
    total: tasksPerMeasure,
    tasks: Array.from({ length: tasksPerMeasure }, (_, t) => ({
      ...task,
      text: `任务${String(t + 1)}:组织开展质量提升专项行动`,
      owner: '质量处',
      notes: '已报分管领导审定,待印发。',
    })),
  }));
  const tasks = count * tasksPerMeasure;
  return ReportData.parse({ ...reportData, measures: measureList, summary: { ...reportData.summary, measures: count, tasks } });
}

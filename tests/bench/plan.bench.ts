import seedText from '../../seeds/shandong-2016-quality-action-plan.txt?raw';
import { openBackend } from '../../electron/backend/backend';
import { aliasTable, parseSource, storePlan } from '../../electron/services/plan/import';
import { readFileSync } from 'node:fs';
import { readPlanSource } from '../../electron/services/plan/source';
import { parsePlanText } from '../../shared/plan';
import { quietLog } from '../support/call';
import { writeSeedPdf } from '../support/plan-fixtures/pdf';
import { buildOfd } from '../support/plan-fixtures/ofd';
import { percentile, round, timeMs, withTempDir, type Benchmark } from './harness';

const runs = 50;
const pdfRuns = 7;

/** Parsing the embedded plan, parsing plus writing it into a fresh database, and reading it from its official PDF. */
export const planBenchmark: Benchmark = {
  name: 'plan',
  async run() {
    parsePlanText(seedText);
    const parse: number[] = [];
    for (let i = 0; i < runs; i += 1) parse.push((await timeMs(() => parsePlanText(seedText))).ms);

    const imports: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      await withTempDir(async (dir) => {
        const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog });
        try {
          // The backend already holds the seed; import a copy with one changed byte so it is a new source.
          const bytes = Buffer.from(`${seedText}\n`, 'utf8');
          imports.push(
            (await timeMs(async () => storePlan(backend.ctx, await parseSource(aliasTable(backend.db), bytes, 'seed-copy.txt')))).ms,
          );
        } finally {
          await backend.close();
        }
      });
    }
    // A long circular (the seed's chapter 二 150 times, about 2 MB) and 5 MB of prose with no numbering.
    const body = seedText.split('\n').slice(10, 38).join('\n');
    const large = `某某方案\n${`${body}\n`.repeat(150)}`;
    const sentence =
      '为贯彻落实《国务院关于加强质量工作的意见》(国发〔2016〕18号),各市、各部门于2017年1月底前将工作开展情况报省质监局;省财政厅负责。\n';
    const prose = sentence.repeat(Math.ceil((5 * 1024 * 1024) / (sentence.length * 3)));
    const largeMs = (await timeMs(() => parsePlanText(large))).ms;
    const ofdMs = await parseOfdMs();
    const proseMs = (await timeMs(() => expectRefused(() => parsePlanText(prose)))).ms;
    // The seed printed as an official document by Chromium; the first read also loads pdf.js, as the app's first PDF does.
    const pdf = await withTempDir(async (dir) => new Uint8Array(readFileSync(await writeSeedPdf(dir))));
    const pdfParse: number[] = [];
    for (let i = 0; i < pdfRuns; i += 1) {
      pdfParse.push((await timeMs(async () => parsePlanText((await readPlanSource(pdf, 'seed.pdf')).text))).ms);
    }
    return [
      { name: 'plan.parse.seed.ms', value: round(percentile(parse, 50)), unit: 'ms', budget: 50 },
      { name: 'plan.import.seed.ms', value: round(percentile(imports, 50)), unit: 'ms', budget: 200 },
      { name: 'plan.parse.large.ms', value: round(largeMs), unit: 'ms', budget: 3000 },
      { name: 'plan.parse.structureless.ms', value: round(proseMs), unit: 'ms', budget: 1000 },
      { name: 'plan.parse.pdf.ms', value: round(percentile(pdfParse, 50)), unit: 'ms', budget: 1500 },
      { name: 'plan.parse.ofd.ms', value: round(ofdMs), unit: 'ms', budget: 500 },
    ];
  },
};

/** The seed as an OFD file (official-document layout, 14 pages): read and parsed, the median of 10 runs after a warm-up. */
async function parseOfdMs(): Promise<number> {
  const ofd = await buildOfd(seedText);
  const readAndParse = async () => parsePlanText((await readPlanSource(ofd, 'seed.ofd')).text);
  await readAndParse();
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) times.push((await timeMs(readAndParse)).ms);
  return percentile(times, 50);
}

function expectRefused(parse: () => unknown): void {
  try {
    parse();
  } catch {
    return;
  }
  throw new Error('structureless text was accepted as a plan');
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanJson, parsePlanText, planWarningMessageKey, serializePlan, DEFAULT_DEPARTMENT_ALIASES } from '../../../shared/plan';
import { openBackend } from '../../app/backend';
import { unreadableFile } from '../../app/file-errors';
import { decodePlanSource } from '../../services/plan/source';
import { aliasTable, parseSource, storePlan } from '../../services/plan/import';
import type { Command, CommandContext } from '../command';

function readSource(file: string): Buffer {
  try {
    return readFileSync(resolve(file));
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

function printWarnings({ io, t }: CommandContext, warnings: readonly { code: Parameters<typeof planWarningMessageKey>[0]; line: number }[]): void {
  for (const warning of warnings) io.stderr(`${t(`planParser.${planWarningMessageKey(warning.code)}` as never, { line: warning.line })}\n`);
}

/** `parse-plan FILE`: the plan JSON on stdout and nothing else; warnings go to stderr. */
export const parsePlanCommand: Command = {
  name: 'parse-plan',
  synopsis: 'parse-plan FILE',
  summaryKey: 'cli.parsePlan.summary',
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = context.positionals[0] as string;
    const bytes = readSource(file);
    const decoded = await decodePlanSource(bytes, file);
    if (decoded.kind === 'json') {
      context.io.stdout(serializePlan(parsePlanJson(decoded.text)));
      return 0;
    }
    // An explicit --data-dir brings that folder's alias table; otherwise the built-in one.
    let aliases: Record<string, string> = { ...DEFAULT_DEPARTMENT_ALIASES };
    if (typeof context.values['data-dir'] === 'string') {
      const backend = await openBackend({ dataDir: context.dataDir, runtime: 'cli' });
      try {
        aliases = aliasTable(backend.db);
      } finally {
        await backend.close();
      }
    }
    const result = parsePlanText(decoded.text, { aliases });
    context.io.stdout(serializePlan(result.plan));
    printWarnings(context, result.warnings);
    return 0;
  },
};

/** `import-plan FILE`: stores the plan in the data folder and makes it active. */
export const importPlanCommand: Command = {
  name: 'import-plan',
  synopsis: 'import-plan FILE',
  summaryKey: 'cli.importPlan.summary',
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = context.positionals[0] as string;
    const bytes = readSource(file);
    const backend = await openBackend({ dataDir: context.dataDir, runtime: 'cli' });
    try {
      const parsed = await parseSource(backend.db, bytes, file.split(/[\\/]/u).pop() ?? file);
      printWarnings(context, parsed.warnings);
      const { plan, created } = storePlan(backend.ctx, parsed);
      context.io.stdout(
        `${context.t(created ? 'cli.importPlan.imported' : 'cli.importPlan.existing', { title: plan.title, measures: plan.measureCount, departments: plan.departmentCount })}\n`,
      );
      return 0;
    } finally {
      await backend.close();
    }
  },
};

import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { planWarningMessageKey, serializePlan, DEFAULT_DEPARTMENT_ALIASES } from '../../../shared/plan';
import { openBackend } from '../../backend/backend';
import { dataLayout } from '../../lib/paths';
import { openDatabaseReadOnly } from '../../db/database';
import { aliasTable, parseSource, storePlan } from '../../services/plan/import';
import { readPlanSourceFile } from '../../services/plan/source';
import type { Command, CommandContext } from '../command';

function readSource(file: string): Promise<Buffer> {
  return readPlanSourceFile(resolve(file), basename(file));
}

/** An explicit --data-dir brings that folder's alias table, read without changing the folder; otherwise the built-in one. */
function aliasesFor(context: CommandContext): Record<string, string> {
  const { database } = dataLayout(context.dataDir);
  if (typeof context.values['data-dir'] !== 'string' || !existsSync(database)) return { ...DEFAULT_DEPARTMENT_ALIASES };
  const db = openDatabaseReadOnly(database);
  try {
    return aliasTable(db);
  } finally {
    db.close();
  }
}

function printWarnings(
  { io, t }: CommandContext,
  warnings: readonly { code: Parameters<typeof planWarningMessageKey>[0]; line: number }[],
): void {
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
    const parsed = await parseSource(aliasesFor(context), await readSource(file), basename(file));
    context.io.stdout(serializePlan(parsed.plan));
    printWarnings(context, parsed.warnings);
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
    const bytes = await readSource(file);
    const backend = await openBackend({ dataDir: context.dataDir, runtime: 'cli' });
    try {
      const parsed = await parseSource(aliasTable(backend.db), bytes, basename(file));
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

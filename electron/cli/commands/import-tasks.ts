import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { ledgerFields, type ColumnMapping, type ImportOutcome } from '../../../shared/api/calls/ledger';
import { columnLetters } from '../../../shared/ledger/cell-refs';
import { AppError } from '../../../shared/api/errors';
import { guessMapping } from '../../../shared/ledger/columns';
import { openBackend } from '../../backend/backend';
import {
  applyImportPlan,
  assertSomethingToImport,
  assertUsableMapping,
  fieldWords,
  planSheetImport,
  readImportSheet,
} from '../../services/ledger/import';
import { scopeFor } from '../../services/workspace/scope';
import { usageError, type Command } from '../command';

/** The problems of an outcome worded in the CLI's language, row by row. */
function wordedProblems(outcome: ImportOutcome, t: TFunction): { row: number; message: string }[] {
  return outcome.problems.map((problem) => ({ row: problem.row, message: t(`errors.ledger.row.${problem.code}`, problem.params) }));
}

/** 措施 ← “措施编号” (A), 任务 ← “任务” (C), …: which column fills which field. */
function describeMapping(mapping: ColumnMapping, headers: readonly string[], t: TFunction): string {
  return ledgerFields
    .filter((field) => mapping[field] !== null)
    .map((field) => {
      const index = mapping[field] as number;
      return t('cli.importTasks.column', {
        field: t(`errors.ledger.field.${field}`),
        header: headers[index] ?? '',
        column: columnLetters(index),
      });
    })
    .join(t('cli.importTasks.columnSeparator'));
}

/**
 * `import-tasks FILE --department NAME [--dry-run] [--json]`: a task breakdown (.xlsx or
 * .csv) into the department's ledger, columns mapped by their headings, exactly as the app
 * imports it. Exit 0 when it ran, rows with problems listed; 1 when the file is refused or
 * no row can be imported (nothing is written then); 2 on usage errors.
 */
export const importTasksCommand: Command = {
  name: 'import-tasks',
  synopsis: 'import-tasks FILE --department NAME [--dry-run] [--json]',
  summaryKey: 'cli.importTasks.summary',
  options: {
    department: { type: 'string', descriptionKey: 'cli.importTasks.department', valueName: 'NAME' },
    'dry-run': { type: 'boolean', descriptionKey: 'cli.importTasks.dryRun' },
    json: { type: 'boolean', descriptionKey: 'cli.importTasks.json' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, dataDir, io, t }) {
    const department = values.department;
    if (typeof department !== 'string') {
      io.stderr(usageError(t, importTasksCommand.synopsis));
      return 2;
    }
    const file = resolve(positionals[0] as string);
    const json = values.json === true;
    const dryRun = values['dry-run'] === true;
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const scope = scopeFor(backend.db, department);
      const sheet = await readImportSheet(file, null);
      const mapping = guessMapping(sheet.headers);
      assertUsableMapping(mapping, sheet.headers, fieldWords(t));
      const plan = planSheetImport(backend.ctx, scope, sheet, mapping);
      let refusal: unknown = null;
      try {
        if (dryRun) assertSomethingToImport(plan);
        else applyImportPlan(backend.ctx, scope, plan);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ledger.nothing_to_import') throw error;
        refusal = error;
      }
      const { added, updated, unchanged } = plan.outcome;
      const problems = wordedProblems(plan.outcome, t);
      if (json) {
        io.stdout(`${JSON.stringify({ added, updated, unchanged, problems }, null, 2)}\n`);
      } else {
        io.stdout(`${t('cli.importTasks.mapping', { row: sheet.headerRow.row, columns: describeMapping(mapping, sheet.headers, t) })}\n`);
        // What the preview shows above the mapping: how the file was read (encoding, merged cells, a title or two-row heading).
        for (const note of sheet.notes) io.stdout(`  ${t(`ledger.notes.${note.code}`, note.params)}\n`);
        if (refusal === null)
          io.stdout(`${t(dryRun ? 'cli.importTasks.dryRunDone' : 'cli.importTasks.done', { added, updated, unchanged })}\n`);
        if (problems.length > 0) {
          io.stdout(`${t('cli.importTasks.problems', { count: new Set(problems.map((problem) => problem.row)).size })}\n`);
          for (const problem of problems) io.stdout(`  ${t('cli.importTasks.problem', problem)}\n`);
        }
      }
      // Every row has a problem: the list is printed, then the refusal, as any other (exit 1).
      if (refusal !== null) throw refusal;
      return 0;
    } finally {
      await backend.close();
    }
  },
};

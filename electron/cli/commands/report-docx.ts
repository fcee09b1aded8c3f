import { resolve } from 'node:path';
import { openBackend } from '../../backend/backend';
import { writeFileAtomic } from '../../lib/atomic-write';
import { unwritableFile } from '../../lib/file-errors';
import { reportDocx } from '../../services/report/word-report';
import { scopeFor } from '../../services/workspace/scope';
import { usageError, type Command } from '../command';

/**
 * `report-docx --department NAME --period P --out FILE.docx`: the period's report as the
 * Word document the app saves from the reports screen. Unsigned, so no passphrase.
 */
export const reportDocxCommand: Command = {
  name: 'report-docx',
  synopsis: 'report-docx --department NAME --period P --out FILE.docx',
  summaryKey: 'cli.reportDocx.summary',
  options: {
    department: { type: 'string', descriptionKey: 'cli.reportDocx.department', valueName: 'NAME' },
    period: { type: 'string', descriptionKey: 'cli.reportDocx.period', valueName: 'P' },
    out: { type: 'string', descriptionKey: 'cli.reportDocx.out', valueName: 'FILE' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, dataDir, io, t }) {
    const { department, period, out } = values;
    if (typeof department !== 'string' || typeof period !== 'string' || typeof out !== 'string') {
      io.stderr(usageError(t, reportDocxCommand.synopsis));
      return 2;
    }
    const file = resolve(out);
    // An empty data folder is set up like the app's first run: the embedded plan is loaded.
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const { bytes } = await reportDocx(backend.ctx, scopeFor(backend.db, department), period);
      try {
        writeFileAtomic(file, bytes);
      } catch (error) {
        throw unwritableFile(file, error);
      }
      io.stdout(`${t('cli.reportDocx.done', { file, size: bytes.length })}\n`);
      return 0;
    } finally {
      await backend.close();
    }
  },
};

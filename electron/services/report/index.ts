import { AppError } from '../../../shared/api/errors';
import { publicKeyFileName } from '../../../shared/report/file-names';
import type { HandlerGroup } from '../handler';
import { findSigningKey, listExports, listTrustedSigners, saveDraftField, saveMeasureText, setTrustedSigner, type DraftField } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { activeScope, assignedMeasure } from '../workspace/scope';
import { buildReport } from './build';
import { requirePeriod, startExport } from './export';
import { createKey, keyStatus, replaceKey, unlockKey } from './signing';
import { type VerifiedPackages } from './verified-packages';

type ReportCalls =
  | 'reports.draft'
  | 'reports.saveDraft'
  | 'reports.saveMeasureText'
  | 'reports.keyStatus'
  | 'reports.createKey'
  | 'reports.replaceKey'
  | 'reports.checkPassphrase'
  | 'reports.exportPublicKey'
  | 'reports.export'
  | 'reports.history'
  | 'reports.verify'
  | 'reports.saveVerifiedFile'
  | 'reports.trusted'
  | 'reports.trust';

const draftFields: [keyof { problems: 1; nextSteps: 1; contactPerson: 1; contactPhone: 1 }, DraftField][] = [
  ['problems', 'problems'],
  ['nextSteps', 'next_steps'],
  ['contactPerson', 'contact_person'],
  ['contactPhone', 'contact_phone'],
];

export function reportHandlers(ctx: ServiceContext, verified: VerifiedPackages): HandlerGroup<ReportCalls> {
  return {
    'reports.draft': ({ period }) => {
      const parsed = requirePeriod(period);
      const built = buildReport(ctx, activeScope(ctx.db), parsed);
      return { data: built.data, periodKey: parsed.key, updatedAt: built.updatedAt };
    },
    'reports.saveDraft': ({ period, ...fields }) =>
      ctx.db.transaction(() => {
        const scope = activeScope(ctx.db);
        const key = { planId: scope.planId, departmentId: scope.departmentId, periodKey: requirePeriod(period).key };
        const now = ctx.now().toISOString();
        for (const [name, column] of draftFields) {
          const value = fields[name];
          if (value !== undefined) saveDraftField(ctx.db, key, column, value, now);
        }
        return { updatedAt: now };
      })(),
    'reports.saveMeasureText': ({ period, code, workDone }) =>
      ctx.db.transaction(() => {
        const scope = activeScope(ctx.db);
        const measure = assignedMeasure(ctx.db, scope, code);
        const now = ctx.now().toISOString();
        saveMeasureText(ctx.db, { planId: scope.planId, departmentId: scope.departmentId, periodKey: requirePeriod(period).key }, measure.id, workDone, now);
        return { updatedAt: now };
      })(),
    'reports.keyStatus': () => keyStatus(ctx, activeScope(ctx.db)),
    'reports.createKey': ({ passphrase }) => createKey(ctx, activeScope(ctx.db), passphrase),
    'reports.replaceKey': ({ passphrase }) => replaceKey(ctx, activeScope(ctx.db), passphrase),
    'reports.checkPassphrase': async ({ passphrase }) => {
      // Unlocked only to prove it opens; the key stays here and is dropped at once.
      await unlockKey(ctx, activeScope(ctx.db), passphrase);
      return {};
    },
    'reports.exportPublicKey': ({ targetId }) => {
      const scope = activeScope(ctx.db);
      const stored = findSigningKey(ctx.db, scope.departmentId);
      if (!stored) throw new AppError('report.no_key');
      return ctx.files.saveOrDownload(targetId, publicKeyFileName(scope.department), stored.publicKeyPem);
    },
    'reports.export': async ({ period, targetId, passphrase }) => ({
      jobId: await startExport(ctx, activeScope(ctx.db), {
        periodKey: period,
        outFile: targetId === null ? null : ctx.files.takeSaveTarget(targetId),
        passphrase,
      }),
    }),
    'reports.history': () => listExports(ctx.db, activeScope(ctx.db)),
    'reports.verify': ({ fileId }) => ({ jobId: verified.start(fileId) }),
    'reports.saveVerifiedFile': ({ verifiedId, path, targetId }) => verified.saveFile(verifiedId, path, targetId),
    'reports.trusted': () => listTrustedSigners(ctx.db),
    'reports.trust': ({ fingerprint, department }) => {
      setTrustedSigner(ctx.db, fingerprint, department, ctx.now().toISOString());
      return listTrustedSigners(ctx.db);
    },
  };
}

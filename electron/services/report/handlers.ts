import type { HandlerGroup } from '../handler';
import { listExports, listTrustedSigners } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { activeScope } from '../workspace/scope';
import { docxHandlers } from './docx-handlers';
import { reportDraft, saveDraft, saveMeasureText } from './drafts';
import { exportActiveReport } from './export';
import { exportPublicKey, trustSigner } from './signers';
import { checkPassphrase, createKey, keyStatus, replaceKey } from './signing';
import type { VerifiedPackages } from './verified-packages';

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

export function reportHandlers(ctx: ServiceContext, verified: VerifiedPackages): HandlerGroup<ReportCalls | 'reports.saveDocx'> {
  return {
    ...docxHandlers(ctx),
    'reports.draft': ({ period }) => reportDraft(ctx, period),
    'reports.saveDraft': ({ period, ...fields }) => saveDraft(ctx, period, fields),
    'reports.saveMeasureText': ({ period, code, workDone }) => saveMeasureText(ctx, period, code, workDone),
    'reports.keyStatus': () => keyStatus(ctx, activeScope(ctx.db)),
    'reports.createKey': ({ passphrase }) => createKey(ctx, activeScope(ctx.db), passphrase),
    'reports.replaceKey': ({ passphrase }) => replaceKey(ctx, activeScope(ctx.db), passphrase),
    'reports.checkPassphrase': ({ passphrase }) => checkPassphrase(ctx, activeScope(ctx.db), passphrase),
    'reports.exportPublicKey': ({ targetId }) => exportPublicKey(ctx, targetId),
    'reports.export': async (request) => ({ jobId: await exportActiveReport(ctx, request) }),
    'reports.history': () => listExports(ctx.db, activeScope(ctx.db)),
    'reports.verify': ({ fileId }) => ({ jobId: verified.start(fileId) }),
    'reports.saveVerifiedFile': ({ verifiedId, path, targetId }) => verified.saveFile(verifiedId, path, targetId),
    'reports.trusted': () => listTrustedSigners(ctx.db),
    'reports.trust': ({ fingerprint, department }) => trustSigner(ctx, fingerprint, department),
  };
}

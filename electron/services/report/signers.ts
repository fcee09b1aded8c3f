import type { Download } from '../../../shared/api/calls/files';
import { AppError } from '../../../shared/api/errors';
import { publicKeyFileName } from '../../../shared/report/file-names';
import { findSigningKey, listTrustedSigners, setTrustedSigner } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { activeScope } from '../workspace/scope';

/** The active department's public key as a PEM file, to give the office: to the file the user chose, or a browser download. */
export function exportPublicKey(ctx: ServiceContext, targetId: string | null): { download: Download | null } {
  const scope = activeScope(ctx.db);
  const stored = findSigningKey(ctx.db, scope.departmentId);
  if (!stored) throw new AppError('report.no_key');
  return ctx.files.saveOrDownload(targetId, publicKeyFileName(scope.department), stored.publicKeyPem);
}

/** Registers a signer's fingerprint as trusted for `department` (null: no longer trusted); returns the trusted signers after. */
export function trustSigner(ctx: ServiceContext, fingerprint: string, department: string | null): ReturnType<typeof listTrustedSigners> {
  setTrustedSigner(ctx.db, fingerprint, department, ctx.now().toISOString());
  return listTrustedSigners(ctx.db);
}

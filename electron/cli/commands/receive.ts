import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { ReceiveItem, ReceiveSummary } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { userMessage } from '../../../shared/api/error-text';
import { formatFingerprint, normalizeFingerprint, printableName } from '../../../shared/report/manifest';
import { openBackend, type Backend } from '../../backend/backend';
import { writeFileAtomic } from '../../lib/atomic-write';
import { unreadableFile, unwritableFile } from '../../lib/file-errors';
import { claimBatch, receivePackages } from '../../services/office/receive';
import { issueReceipt, unlockOfficeKey, type OfficeSigner } from '../../services/office/receipts';
import { ed25519PublicKeyBytes, fingerprintOf } from '../../services/report/keys';
import { trustSigner } from '../../services/report/signers';
import { readSettings } from '../../services/settings/settings';
import { errorLine, usageError, type CliIO, type Command } from '../command';

function usage(io: CliIO, t: TFunction, synopsis: string): number {
  io.stderr(usageError(t, synopsis));
  return 2;
}

/**
 * `trust --department NAME (--fingerprint HEX | --key PEM)`: registers a department's signer,
 * as the office does after checking the fingerprint with the department by phone.
 */
export const trustCommand: Command = {
  name: 'trust',
  synopsis: 'trust --department NAME (--fingerprint HEX | --key PEM)',
  summaryKey: 'office.receiving.cli.trust.summary',
  options: {
    department: { type: 'string', descriptionKey: 'office.receiving.cli.trust.department', valueName: 'NAME' },
    fingerprint: { type: 'string', descriptionKey: 'office.receiving.cli.trust.fingerprint', valueName: 'HEX' },
    key: { type: 'string', descriptionKey: 'office.receiving.cli.trust.key', valueName: 'PEM' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, dataDir, t, io }) {
    const department = typeof values.department === 'string' ? values.department.trim() : '';
    const given = [values.fingerprint, values.key].filter((value) => typeof value === 'string');
    if (department === '' || department.length > 100 || given.length !== 1) return usage(io, t, trustCommand.synopsis);

    let fingerprint: string | null;
    if (typeof values.fingerprint === 'string') {
      fingerprint = normalizeFingerprint(values.fingerprint);
      if (fingerprint === null) {
        io.stderr(errorLine(t, t('report.cli.verify.badFingerprint', { value: values.fingerprint })));
        return 2;
      }
    } else {
      const file = resolve(String(values.key));
      let pem: string;
      try {
        pem = await readFile(file, 'utf8');
      } catch (error) {
        throw unreadableFile(String(values.key), error);
      }
      if (ed25519PublicKeyBytes(pem) === null) {
        io.stderr(errorLine(t, t('office.receiving.cli.trust.badKey', { file: String(values.key) })));
        return 2;
      }
      fingerprint = fingerprintOf(pem);
    }

    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      trustSigner(backend.ctx, fingerprint, department);
    } finally {
      await backend.close();
    }
    io.stdout(`${t('office.receiving.cli.trust.done', { department, fingerprint: formatFingerprint(fingerprint) })}\n`);
    return 0;
  },
};

/** What `receive --json` prints for each file: the contract's fields, nothing else. */
function jsonItem(item: ReceiveItem): Record<string, unknown> {
  const { path, outcome, reason, department, period, packageSha256, signer, supersedes } = item;
  return Object.fromEntries(
    Object.entries({ path, outcome, reason, department, period, packageSha256, signer, supersedes }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

/**
 * `receive [--office NAME] [--receipts OUTDIR] [--json] PATH...`: receives files and folders
 * (recursively) as the inbox does. Exit 0 once the batch is processed, refusals included.
 */
export const receiveCommand: Command = {
  name: 'receive',
  synopsis: 'receive PATH...',
  summaryKey: 'office.receiving.cli.receive.summary',
  options: {
    office: { type: 'string', descriptionKey: 'office.receiving.cli.receive.office', valueName: 'NAME' },
    receipts: { type: 'string', descriptionKey: 'office.receiving.cli.receive.receipts', valueName: 'OUTDIR' },
    json: { type: 'boolean', descriptionKey: 'office.receiving.cli.receive.json' },
  },
  positionals: { min: 1, max: Number.MAX_SAFE_INTEGER },
  async run({ values, positionals, dataDir, t, io }) {
    const receiptsDir = typeof values.receipts === 'string' ? resolve(values.receipts) : null;
    const passphrase = io.env.PLANLEDGER_PASSPHRASE ?? null;
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const office = typeof values.office === 'string' ? values.office : readSettings(backend.db).department;
      // The office key is unlocked before anything is received: a wrong passphrase stops here, not half way.
      let signer: OfficeSigner | null = null;
      if (receiptsDir !== null) {
        if (office === null) throw new AppError('department.not_chosen');
        signer = await unlockOfficeKey(backend.ctx, office, passphrase);
        await mkdir(receiptsDir, { recursive: true }).catch((error: unknown) => {
          throw unwritableFile(receiptsDir, error);
        });
      }
      const release = claimBatch(backend.ctx);
      const controller = new AbortController();
      const stopListening = io.onInterrupt?.(() => controller.abort()) ?? (() => undefined);
      let summary: ReceiveSummary;
      try {
        summary = await receivePackages(
          backend.ctx,
          positionals.map((path) => ({ path: resolve(path), name: path })),
          {
            t,
            signal: controller.signal,
            ...(io.progress === true
              ? {
                  onProgress: (done: number, total: number) =>
                    io.stderr(`\r${t('office.receiving.cli.receive.progress', { done, total })}${done === total ? '\r\x1b[K' : ''}`),
                }
              : {}),
          },
        );
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        io.stderr(`\n${t('office.receiving.cli.receive.cancelled')}\n`);
        return 130;
      } finally {
        stopListening();
        release();
      }

      const receipts =
        receiptsDir !== null && office !== null && signer !== null
          ? await writeReceipts(backend, summary, office, signer, receiptsDir, t)
          : [];
      if (values.json === true) io.stdout(`${JSON.stringify(summary.items.map(jsonItem), null, 2)}\n`);
      else io.stdout(textReport(summary, receipts, t));
      if (values.json === true) for (const line of receipts.filter((receipt) => receipt.error)) io.stderr(`${line.text}\n`);
      return 0;
    } finally {
      await backend.close();
    }
  },
};

/**
 * A receipt per accepted package, into OUTDIR, named `<部门>-<期间>.plreceipt`; a second one
 * for the same department and period in the batch (a correction) gets its package's short
 * hash added. One that cannot be written is said and the rest go on.
 */
async function writeReceipts(
  backend: Backend,
  summary: ReceiveSummary,
  office: string,
  signer: OfficeSigner,
  dir: string,
  t: TFunction,
): Promise<{ text: string; error: boolean }[]> {
  const lines: { text: string; error: boolean }[] = [];
  const used = new Set<string>();
  for (const item of summary.items) {
    if (item.outcome !== 'accepted' || item.submissionId === undefined) continue;
    try {
      const issued = await issueReceipt(backend.ctx, {
        submissionId: item.submissionId,
        officeDepartment: office,
        passphrase: null,
        signer,
      });
      const name = used.has(issued.fileName)
        ? issued.fileName.replace(/\.plreceipt$/u, `-${(item.packageSha256 ?? '').slice(0, 8)}.plreceipt`)
        : issued.fileName;
      used.add(name);
      const file = join(dir, name);
      try {
        writeFileAtomic(file, issued.bytes);
      } catch (error) {
        throw unwritableFile(file, error);
      }
      lines.push({ text: t('office.receiving.cli.receive.receipt', { file }), error: false });
    } catch (error) {
      lines.push({ text: t('cli.errorLine', { message: userMessage(error, t) }), error: true });
    }
  }
  return lines;
}

function textReport(summary: ReceiveSummary, receipts: readonly { text: string }[], t: TFunction): string {
  const lines = summary.items.map((item) => {
    const path = printableName(item.path);
    const outcome = t(`office.outcome.${item.outcome}`);
    if (item.outcome === 'refused') return `${outcome}  ${path}\n    ${item.detail ?? item.reason ?? ''}`;
    const trust = item.signer ? t(`office.trust.${item.signer.trust}`) : '';
    const what = `${printableName(item.department ?? '')} ${item.period ?? ''} · ${trust}`;
    const replaced = item.supersedes ? `\n    ${t('office.receiving.cli.receive.supersedes', { sha256: item.supersedes })}` : '';
    return `${outcome}  ${path}\n    ${what}${replaced}`;
  });
  return [
    ...lines,
    ...receipts.map((receipt) => receipt.text),
    t('office.receiving.cli.receive.totals', { accepted: summary.accepted, duplicates: summary.duplicates, refused: summary.refused }),
    '',
  ].join('\n');
}

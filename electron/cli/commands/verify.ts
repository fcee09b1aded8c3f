import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { unreadableFile } from '../../lib/file-errors';
import { formatFingerprint, normalizeFingerprint, printableName, type Manifest } from '../../../shared/report/manifest';
import { verifyReportPackage } from '../../services/report/package/verify';
import { errorLine, type Command, type CommandContext } from '../command';

/** `planledger verify FILE [--trust FINGERPRINT]... [--trust-key PEM]`: exit 0 only for an intact (and, if asked, trusted) report. */
export const verifyCommand: Command = {
  name: 'verify',
  synopsis: 'verify FILE',
  summaryKey: 'report.cli.verify.summary',
  options: {
    trust: { type: 'string', multiple: true, descriptionKey: 'report.cli.verify.trust', valueName: 'FINGERPRINT' },
    'trust-key': { type: 'string', descriptionKey: 'report.cli.verify.trustKey', valueName: 'PEM' },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { positionals, t, io } = context;
    const trust = await trustOptions(context);
    if (trust === null) return 2;
    const { trustFingerprints, trustKeyPem } = trust;

    const result = await verifyReportPackage(resolve(positionals[0] as string), { trustFingerprints, trustKeyPem });
    if (!result.ok) {
      io.stderr(errorLine(t, t(`report.verify.reasons.${result.reason}`, { detail: result.detail })));
      return 1;
    }
    const trustChecked = trustFingerprints !== undefined || trustKeyPem !== undefined;
    io.stdout(summary(result.manifest, result.fingerprint, trustChecked, t));
    return 0;
  },
};

/**
 * The signers `--trust FINGERPRINT`… and `--trust-key PEM` accept (both undefined when
 * neither is given); null, with the reason printed, when a fingerprint is not one.
 */
export async function trustOptions({
  values,
  t,
  io,
}: Pick<CommandContext, 'values' | 't' | 'io'>): Promise<{ trustFingerprints?: string[]; trustKeyPem?: string } | null> {
  const trustFingerprints = Array.isArray(values.trust) ? values.trust.map(String) : undefined;
  const badFingerprint = trustFingerprints?.find((value) => normalizeFingerprint(value) === null);
  if (badFingerprint !== undefined) {
    io.stderr(errorLine(t, t('report.cli.verify.badFingerprint', { value: badFingerprint })));
    return null;
  }
  const trustKeyFile = typeof values['trust-key'] === 'string' ? values['trust-key'] : undefined;
  const trustKeyPem = trustKeyFile === undefined ? undefined : await readTextFile(trustKeyFile);
  return { trustFingerprints, trustKeyPem };
}

async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

/**
 * The texts come from a manifest anyone can sign with a key of their own: printed through
 * printableName, so control and invisible characters (ANSI escapes, line breaks, bidi
 * overrides) show as \u{…} instead of forging lines of this summary.
 */
function summary(manifest: Manifest, fingerprint: string, trustChecked: boolean, t: TFunction): string {
  const period = { ...manifest.period, label: printableName(manifest.period.label) };
  const plan = {
    title: printableName(manifest.plan.title),
    docNumber: manifest.plan.docNumber === null ? null : printableName(manifest.plan.docNumber),
  };
  return [
    t('report.cli.verify.intact'),
    t('report.cli.verify.department', { value: printableName(manifest.department) }),
    t('report.cli.verify.period', period),
    plan.docNumber === null ? t('report.cli.verify.plan', plan) : t('report.cli.verify.planWithNumber', plan),
    t('report.cli.verify.generatedAt', { value: manifest.generatedAt }),
    t('report.cli.verify.files', { count: manifest.files.length }),
    t('report.cli.verify.signer'),
    ...formatFingerprint(fingerprint, 8)
      .split('\n')
      .map((line) => `  ${line}`),
    t(trustChecked ? 'report.cli.verify.trusted' : 'report.cli.verify.trustNotChecked'),
    '',
  ].join('\n');
}

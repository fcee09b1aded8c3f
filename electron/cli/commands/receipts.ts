import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { Receipt } from '../../../shared/office/receipt';
import { formatFingerprint, printableName } from '../../../shared/report/manifest';
import { openBackend } from '../../backend/backend';
import { verifyReceiptPackage } from '../../services/office/receipt-package';
import { importReceipt } from '../../services/office/receipts';
import { errorLine, type Command } from '../command';
import { trustOptions } from './verify';

/**
 * `verify-receipt FILE [--package PKG] [--trust HEX]... [--trust-key PEM] [--json]`: exit 0 only
 * when the receipt is intact, for the package (if given), and by a trusted office (if asked).
 */
export const verifyReceiptCommand: Command = {
  name: 'verify-receipt',
  synopsis: 'verify-receipt FILE',
  summaryKey: 'office.receipt.cli.verify.summary',
  options: {
    package: { type: 'string', descriptionKey: 'office.receipt.cli.verify.package', valueName: 'PKG' },
    trust: { type: 'string', multiple: true, descriptionKey: 'office.receipt.cli.verify.trust', valueName: 'HEX' },
    'trust-key': { type: 'string', descriptionKey: 'office.receipt.cli.verify.trustKey', valueName: 'PEM' },
    json: { type: 'boolean', descriptionKey: 'office.receipt.cli.verify.json' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, t, io }) {
    const trust = await trustOptions({ values, t, io });
    if (trust === null) return 2;
    const { trustFingerprints, trustKeyPem } = trust;
    const packageFile = typeof values.package === 'string' ? resolve(values.package) : undefined;

    const result = await verifyReceiptPackage(resolve(positionals[0] as string), { trustFingerprints, trustKeyPem, packageFile });
    const trustChecked = trustFingerprints !== undefined || trustKeyPem !== undefined;
    if (values.json === true) {
      io.stdout(
        `${JSON.stringify(result.ok ? { ...result, receiptJson: undefined, trustChecked, packageChecked: packageFile !== undefined } : result, null, 2)}\n`,
      );
      return result.ok ? 0 : 1;
    }
    if (!result.ok) {
      io.stderr(errorLine(t, t(`office.receipt.reasons.${result.reason}`, { detail: result.detail })));
      return 1;
    }
    io.stdout(summary(result.receipt, { trustChecked, packageChecked: packageFile !== undefined }, t));
    return 0;
  },
};

/** `import-receipt FILE --data-dir DIR`: the department side of a receipt; prints the delivery. */
export const importReceiptCommand: Command = {
  name: 'import-receipt',
  synopsis: 'import-receipt FILE --data-dir DIR',
  summaryKey: 'office.receipt.cli.import.summary',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, dataDir, io, t }) {
    const file = resolve(positionals[0] as string);
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const { delivery, receipt } = await importReceipt(backend.ctx, file);
      // Verified and registered by now; the texts still come from a file, so printed safely.
      io.stdout(
        `${t('office.receipt.cli.import.done', {
          office: printableName(delivery.office),
          time: delivery.receivedAt,
          department: printableName(receipt.package.department),
          period: printableName(receipt.package.period.label),
        })}\n`,
      );
      return 0;
    } finally {
      await backend.close();
    }
  },
};

/** Texts from the receipt go through printableName: control and invisible characters cannot forge lines of this summary. */
function summary(receipt: Receipt, checked: { trustChecked: boolean; packageChecked: boolean }, t: TFunction): string {
  const { package: pkg, office } = receipt;
  return [
    t('office.receipt.cli.verify.intact'),
    t('office.receipt.cli.verify.report', {
      department: printableName(pkg.department),
      period: printableName(pkg.period.label),
      from: pkg.period.from,
      to: pkg.period.to,
    }),
    t('office.receipt.cli.verify.generatedAt', { value: pkg.generatedAt }),
    t('office.receipt.cli.verify.packageSha256', { value: pkg.sha256 }),
    t('office.receipt.cli.verify.size', { size: pkg.size }),
    t('office.receipt.cli.verify.trustAtOffice', { trust: t(`office.trust.${receipt.verification.trust}`) }),
    t('office.receipt.cli.verify.office', { office: printableName(office.department), time: receipt.receivedAt }),
    t('office.receipt.cli.verify.officeSigner'),
    ...formatFingerprint(office.fingerprint, 8)
      .split('\n')
      .map((line) => `  ${line}`),
    t(checked.packageChecked ? 'office.receipt.cli.verify.packageMatches' : 'office.receipt.cli.verify.packageNotChecked'),
    t(checked.trustChecked ? 'office.receipt.cli.verify.trusted' : 'office.receipt.cli.verify.trustNotChecked'),
    '',
  ].join('\n');
}

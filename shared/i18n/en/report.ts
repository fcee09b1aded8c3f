import type zh from '../zh-CN/report';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  preview: {
    notFound: 'The file to preview was not found; please open it again.',
    tooLarge:
      'This report’s page is too large to show here ({{path}}, {{size}}; at most {{max}} is shown here). Save {{path}} from the file list below and open it in a browser.',
  },
  cli: {
    export: {
      summary: 'export the signed report file (.plreport) of a department for a period; the passphrase comes from PLANLEDGER_PASSPHRASE',
      department: 'department name, e.g. 经济和信息化',
      period: 'reporting period: 2016, 2016-H2, 2016-Q3, 2016-07 or 2016-07-01..2017-01-31',
      out: 'where to write the report file',
      done: 'Exported: {{file}} ({{size}} bytes)',
      signer: 'Signer fingerprint: {{fingerprint}}',
      progress: 'Exporting… {{percent}}% (Ctrl+C to cancel)',
    },
    verify: {
      summary: 'check a report file’s integrity and signature (exit code 0 when intact)',
      trust: 'accept only the signer with this fingerprint; repeatable (spaces, colons and case ignored)',
      trustKey: 'accept only the signer of this public key file (PEM)',
      badFingerprint: '“{{value}}” is not a fingerprint (64 hexadecimal digits expected)',
      intact: 'The report is intact: every file matches the signed manifest and the signature is valid.',
      department: 'Department: {{value}}',
      period: 'Period: {{label}} ({{from}} to {{to}})',
      plan: 'Plan: {{title}}',
      planWithNumber: 'Plan: {{title}} ({{docNumber}})',
      generatedAt: 'Generated: {{value}}',
      files: 'Files: {{count}}',
      signer: 'Signer fingerprint:',
      trusted: 'The signer is in the trusted list.',
      trustNotChecked:
        'No --trust given: the signature proves the report is unaltered, not who signed it. Compare the fingerprint above with the one registered for the department.',
    },
  },
  verify: {
    reasons: {
      not_a_zip: 'Not a report file (it cannot be read as a ZIP file)',
      corrupt_zip: 'The report file is damaged or altered (unexpected ZIP structure: {{detail}})',
      too_many_entries: 'The report contains too many files ({{detail}}; at most 10,000 are accepted)',
      unsafe_path: 'The report contains an unsafe file path: {{detail}}',
      duplicate_name:
        'The report contains two files that would be saved under the same name (on Windows or macOS, or as a file and a folder): {{detail}}',
      symlink_entry: 'The report contains a symbolic link: {{detail}}',
      encrypted_entry: 'The report contains an encrypted file: {{detail}}',
      oversize_entry: 'A file in the report is too large: {{detail}}',
      over_ratio_entry: 'A file in the report has an abnormal compression ratio (a likely zip bomb): {{detail}}',
      bad_manifest: 'The signed manifest manifest.json is not valid ({{detail}})',
      unknown_format_version: 'Report format version {{detail}} is not supported; please upgrade PlanLedger',
      bad_signature: 'Invalid signature ({{detail}} does not match manifest.json)',
      untrusted_signer: 'The signer is not in the trusted list (fingerprint {{detail}})',
      missing_entry: 'A file listed in the signed manifest is missing: {{detail}}',
      unlisted_entry: 'The report contains a file the signed manifest does not list: {{detail}}',
      size_mismatch: 'A file’s size does not match the signed manifest: {{detail}}',
      hash_mismatch: 'A file’s content does not match the signed manifest (it was altered): {{detail}}',
      crc_mismatch: 'A file’s checksum (CRC-32) in the ZIP does not match its content (the file was altered or damaged): {{detail}}',
      bad_signer_key:
        'The signer’s key file {{detail}} is not a valid Ed25519 public key (it must hold exactly one public key, no private key, no weak key)',
      package_too_large: 'The files in the report add up to more than can be checked ({{detail}} bytes; at most 16 GiB)',
    },
  },
};
export default en;

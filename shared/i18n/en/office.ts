import type zh from '../zh-CN/office';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  nav: {
    inbox: 'Inbox',
    matrix: 'Who has reported',
    rollup: 'By measure',
  },
  trust: {
    trusted: 'Registered',
    unknown: 'Unregistered signer',
    mismatch: 'Signer registered for another department',
  },
  cell: {
    received: 'Received',
    received_late: 'Received late',
    untrusted: 'Signer not registered',
    missing: 'Missing',
    missing_overdue: 'Missing, overdue',
  },
  outcome: {
    accepted: 'Accepted',
    duplicate: 'Duplicate',
    refused: 'Refused',
  },
  refusal: {
    unreadable: 'The file cannot be read ({{detail}})',
    disk_full: 'The disk is full; not stored ({{detail}})',
    store_failed: 'Could not store it in the data folder ({{detail}})',
    report_unreadable: 'Its report.json cannot be read ({{detail}})',
    symlink: 'This is a symbolic link (shortcut); it is not followed, for safety',
    too_many_files: 'At most {{max}} files are received at once; the rest (from here on) were not read. Receive them in another batch',
    too_deep: 'Folders nested more than {{max}} levels deep; the files inside were not read',
  },
  receiving: {
    cli: {
      trust: {
        summary: 'register a department’s signer (after checking the fingerprint); its reports then show as registered',
        department: 'the signer’s department, e.g. 经济和信息化',
        fingerprint: 'the signer’s fingerprint (64 hexadecimal digits; spaces, colons and case ignored)',
        key: 'the public key file (PEM) the department gave',
        badKey: '“{{file}}” is not an Ed25519 public key file (it must hold exactly one PUBLIC KEY)',
        done: 'Registered the signer of “{{department}}”: {{fingerprint}}',
      },
      receive: {
        summary:
          'receive departments’ report files as the office (files or folders, recursively): each verified and kept, refusals with their reason',
        office: 'the office’s own department, which signs receipts; by default the data folder’s chosen department',
        receipts: 'issue a receipt (.plreceipt) for each accepted report into this folder; the passphrase comes from PLANLEDGER_PASSPHRASE',
        json: 'print each file’s outcome as JSON',
        progress: 'Receiving… {{done}}/{{total}} (Ctrl+C to cancel)',
        cancelled: 'Cancelled. The reports received so far are kept.',
        supersedes: 'Replaces the earlier version (SHA-256 {{sha256}})',
        receipt: 'Receipt issued: {{file}}',
        totals: '{{accepted}} accepted, {{duplicates}} duplicates, {{refused}} refused.',
      },
    },
  },
  receipt: {
    reasons: {
      not_a_zip: 'Not a receipt (cannot be read as a ZIP file)',
      corrupt_zip: 'The receipt is damaged or was altered (ZIP structure: {{detail}})',
      too_many_entries: 'The receipt holds too many files ({{detail}})',
      unsafe_path: 'The receipt holds an unsafe path: {{detail}}',
      duplicate_name: 'The receipt holds duplicate names: {{detail}}',
      symlink_entry: 'The receipt holds a symbolic link: {{detail}}',
      encrypted_entry: 'The receipt holds an encrypted file: {{detail}}',
      oversize_entry: 'A file in the receipt is too large: {{detail}}',
      over_ratio_entry: 'A file in the receipt is compressed suspiciously well (a zip bomb?): {{detail}}',
      missing_entry: 'The receipt lacks a file: {{detail}}',
      unlisted_entry: 'The receipt holds an extra file: {{detail}}',
      bad_receipt: 'receipt.json is not valid ({{detail}})',
      unknown_format_version: 'Receipt format version {{detail}} is not supported; please upgrade PlanLedger',
      bad_signature: 'The receipt signature is invalid (receipt.sig does not match receipt.json)',
      bad_signer_key: 'signer.pem in the receipt is not a valid Ed25519 public key',
      untrusted_signer: 'The receipt signer is not trusted (fingerprint {{detail}})',
      package_mismatch: 'The receipt is for another report file (SHA-256 {{detail}})',
    },
    cli: {
      verify: {
        summary:
          "Verifies an office's receipt (.plreceipt); exit code 0 when intact, for the given package (if any) and by a trusted office (if asked)",
        package: 'Also check that the receipt is for this report file (.plreport)',
        trust: 'Accept only an office with this fingerprint; may be repeated (spaces, colons and case do not matter)',
        trustKey: 'Accept only the office whose public key (PEM) is in this file',
        json: 'Print the result as JSON',
        intact: 'The receipt is intact: the signature is valid and nothing was altered.',
        report: 'Report: {{department}} · {{period}} ({{from}} to {{to}})',
        generatedAt: 'Report generated: {{value}}',
        packageSha256: 'Report file SHA-256: {{value}}',
        size: 'Report file size: {{size}} bytes',
        trustAtOffice: 'Signer when received: {{trust}}',
        office: 'Receipt: verified by {{office}} at {{time}}',
        officeSigner: 'Office fingerprint:',
        packageMatches: 'The report file matches the receipt.',
        packageNotChecked: 'No --package given: the report file was not checked.',
        trusted: 'The office is trusted.',
        trustNotChecked:
          'No --trust given: the signature proves the receipt was not altered, not who issued it. Check the fingerprint above with the office.',
      },
      import: {
        summary: "Imports an office's receipt and marks the exported report it is for as delivered",
        done: 'Delivered · verified by {{office}} at {{time}} ({{department}} · {{period}})',
      },
    },
    delivery: {
      delivered: 'Delivered · verified by {{office}} at {{time}}',
      notDelivered: 'No receipt yet',
      import: 'Import receipt…',
      importing: 'Importing the receipt…',
      imported: 'Receipt imported: verified by {{office}} at {{time}}',
      registerOffice: "Register the office's key",
      retry: 'Register and import again',
    },
  },
};
export default en;

import type zh from '../zh-CN/errors';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  request: {
    invalid: 'The request is not valid: {{detail}}',
    unknown_call: 'Unsupported operation: {{name}}',
    forbidden: 'The request came from an untrusted source and was refused.',
  },
  internal: 'An internal error stopped the operation; nothing was changed. Details are in the log.',
  unsupported: 'This environment does not support: {{what}}',
  department: {
    unknown: 'The active plan has no department named “{{name}}”.',
    not_chosen: 'Choose your department first.',
  },
  plan: {
    none: 'No action plan has been loaded yet.',
    preview_expired: 'This import preview has expired (it was already imported, or the app restarted); please choose the file again.',
    not_found: 'That plan was not found; it may have been deleted. Please refresh the plan list.',
    empty: 'The file is empty; there is nothing to read.',
    no_structure: 'No plan numbering (such as “一、”, “(一)”, “1.”) was found in the file, so no measures could be recognised.',
    binary:
      'This file is not a plan source this program can read. It reads PDF, OFD, Word (.docx, .doc), WPS, web pages (.html, .mhtml), text (.txt) and plan .json files.',
    too_large: 'The file is too large ({{sizeMb}} MB); the limit is {{limitMb}} MB.',
    doc_unsupported:
      'This format (RTF, an older WPS Writer format, or an Office file that is not a Word document) is not supported. Please use “Save as” .docx or PDF in Word or WPS and import that file.',
    doc_invalid:
      'This file is named as a Word document but is not a readable one (it may be damaged, or another kind of file renamed), so it was not read. Please ask the sender for the original file, a .docx or a PDF.',
    mhtml_invalid:
      'This saved web page (.mhtml) cannot be read; it may be damaged or incomplete ({{detail}}). Please open the page in a browser again, save it as “Web page, HTML only” (.html) and import that.',
    docx_invalid: 'This Word document cannot be read; it may be damaged. Please open it in Word or WPS and save it again as .docx.',
    docx_too_large:
      'This Word document would unpack to more than {{limitMb}} MB, or is packed far tighter than any document, so it was not read, to be safe. Open it in Word or WPS, save it again as a new .docx (or .txt) and import that.',
    pdf_invalid: 'This PDF cannot be read; it may be damaged ({{detail}}). Please ask the sender for the original file or a .docx.',
    pdf_encrypted: 'This PDF is protected by a password and cannot be read. Please ask the sender for an unprotected file or a .docx.',
    pdf_scanned:
      'This PDF is a scan with no text, so no measures can be read from it. Please ask the sender for the electronic file or a .docx.',
    pdf_too_large:
      'This PDF would unpack to more than {{limitMb}} MB, or is packed far tighter than any document, so it was not read, to be safe. Please ask the sender for a .docx or text.',
    pdf_too_many_pages:
      'This PDF has {{pages}} pages, more than the {{maxPages}} a plan may have, so it was not read. Please import only the plan itself.',
    pdf_too_complex:
      'This PDF is far more complex than a circular (too many pieces of text, or not read within {{seconds}} seconds), so it was not read, to be safe. Please ask the sender for a .docx or text.',
    ofd_invalid:
      'This OFD file cannot be read; it may be damaged ({{detail}}). Open it in an OFD reader to check, or ask the sender for a PDF or .docx.',
    ofd_too_large:
      'This OFD file would unpack to more than {{limitMb}} MB, or is packed far tighter than any document, so it was not read, to be safe. Please ask the sender for a PDF or .docx.',
    ofd_too_many_pages:
      'This OFD file has {{pages}} pages, more than the {{maxPages}} a plan may have, so it was not read. Please import only the plan itself.',
    ofd_scanned:
      'This OFD file is a scan with no text, so no measures can be read from it. Please ask the sender for the electronic file or a .docx.',
    json_invalid: 'The plan file is not valid: {{detail}}',
    json_format: 'This is not a PlanLedger plan file.',
    json_version: 'Plan file version {{version}} is not supported; this program reads version {{supported}}.',
  },
  measure: {
    not_found: 'The active plan has no measure {{code}}.',
    not_assigned: 'Measure {{code}} is not assigned to your department ({{department}}).',
  },
  task: {
    not_found: 'That task no longer exists; it may have been deleted.',
    merge_too_long:
      'Merged, the task would have more than {{maxText}} characters of text or {{maxNotes}} of notes, so nothing was merged. Shorten the text or notes of one of them first.',
  },
  file: {
    too_large: 'The file is too large: at most {{max}} per file.',
    uploads_full:
      'Too many uploaded files are waiting to be used (at most {{count}} files, {{max}} in all). Add fewer files at a time, or finish what is in progress first.',
    unreadable: 'Could not read the file “{{name}}”: {{reason}}',
    unreadable_ENOENT:
      'Could not read the file “{{name}}”: it is no longer there; it may have been moved, renamed or deleted. Please choose it again.',
    unreadable_EACCES:
      'Could not read the file “{{name}}”: there is no permission to read it. Check its permissions, or copy it to the desktop and choose that copy.',
    unreadable_EPERM:
      'Could not read the file “{{name}}”: there is no permission to read it, or security software blocked it. Check its permissions, or copy it to the desktop and choose that copy.',
    unreadable_EBUSY: 'Could not read the file “{{name}}”: another program has it in use. Close that program and try again.',
    unreadable_EISDIR: 'Could not read “{{name}}”: it is a folder; choose a file in it instead.',
    expired: 'The chosen file has expired (it was already used, or the app restarted); please choose it again.',
    not_found: 'The chosen file is no longer known; please choose it again.',
    is_directory: '“{{name}}” is a folder; choose or drop files instead.',
    write_failed: 'Could not write the file “{{name}}”: {{reason}}.',
    disk_full: 'The disk is full; the file “{{name}}” was not written. Free some space and try again.',
  },
  reason: {
    ENOENT: 'the file or folder does not exist; it may have been moved or deleted',
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted; security software may have blocked it',
    EBUSY: 'another program has the file in use',
    EISDIR: 'it is a folder',
    ENOTDIR: 'part of the path is not a folder',
    ETIMEDOUT: 'it has not answered for a long time; the network or the device may be disconnected',
    EHOSTUNREACH: 'the computer that holds the folder cannot be reached',
    ENETUNREACH: 'the network is unavailable',
    EIO: 'the device could not be read; it may have been unplugged',
    ENOSPC: 'the disk is full',
    EROFS: 'the location is read-only',
    EEXIST: 'a file of that name already exists',
    NOT_A_FILE: 'it is not a regular file',
  },
  job: {
    not_found: 'That background operation is unknown; it may have finished a while ago.',
  },
  evidence: {
    not_found: 'That file is no longer attached; it may have been removed.',
    missing: 'The stored copy of “{{name}}” is missing from the data folder; it may have been deleted or moved.',
    missing_report:
      'The stored copy of “{{name}}” (measure {{measure}}) is missing from the data folder; it may have been deleted or moved. The report was not exported.',
    damaged:
      'The stored copy of “{{name}}” (measure {{measure}}) is damaged: its content no longer matches the checksum taken when it was added. The report was not exported. Remove this file from the measure and add the original again.',
    open_failed: 'Could not open “{{name}}” with the system app: {{reason}}',
    runnable:
      'Only documents, PDF, spreadsheets, presentations, images and text files are opened directly; “{{name}}” is another type (a program, script or shortcut could run), so it was not opened. If you trust its source, find it in the data folder yourself.',
    disk_full: 'The disk is full, so “{{name}}” was not stored. Free some space and try again.',
  },
  db: {
    newer_version:
      'The data file was created by a newer version of PlanLedger (schema version {{found}}; this version supports up to {{supported}}). Install the newer version to open it; nothing was changed.',
    open_failed:
      'Could not open the data file {{file}}: {{reason}}. Another program (a database tool, a virus scanner, another PlanLedger window) may be using it: close it and try again. Nothing was changed.',
    damaged:
      'The data file is damaged (its integrity check failed), so it was not opened. You can restore a backup; the damaged file is kept aside.',
    missing: 'The data file is missing but there are backups: open the desktop app to restore one. Nothing in the data folder was changed.',
  },
  backup: {
    not_found: 'Backup “{{name}}” was not found.',
    damaged: 'Backup “{{name}}” fails its own integrity check and cannot be restored.',
  },
  recovery: {
    busy: 'A recovery is already under way; please wait for it to finish.',
  },
  report: {
    bad_public_key: 'This is not an Ed25519 public key in PEM format.',
    passphrase_required: 'Set a passphrase to protect the signing key.',
    passphrase_too_short: 'The passphrase needs at least {{min}} characters; choose a longer one to protect the signing key.',
    wrong_passphrase:
      'Wrong passphrase, or the key file has been altered. If the passphrase is lost, replace the key in Settings → Signing key.',
    bad_key_file: 'The signing key file is not recognised; it may be damaged.',
    unsafe_entry: 'The file name “{{path}}” is not safe in a report package.',
    duplicate_entry: 'The report already has a file named “{{path}}”.',
    too_many_files:
      'This report would hold {{count}} files, more than the {{max}} a report file may hold, so the receiving office could not verify it; nothing was exported. Choose a shorter period or remove evidence that is not needed, then export again.',
    too_large:
      'This report’s files come to {{size}}, more than the {{max}} a report file may hold, so the receiving office could not verify it; nothing was exported. Choose a shorter period or remove oversized evidence, then export again.',
    disk_full: 'The disk is full; the report {{file}} was not written.',
    write_failed: 'Could not write the report {{file}}: {{reason}}',
    cancelled: 'Export cancelled; no file was left behind.',
    no_key: 'Your department has no signing key yet; create one first.',
    key_needs_app:
      'Your department’s signing key is protected by the system keychain and can only be used by the desktop app on that computer. If that computer is not available, replace the key in Settings → Signing key.',
    key_unavailable:
      'The system keychain cannot open your department’s signing key (the data folder may come from another computer or user account). Replace the key in Settings → Signing key and register the new fingerprint with the leading office.',
    nothing_to_report:
      'Your department ({{department}}) carries no measure in the active plan, so there is nothing to report. Check the chosen department and the active plan.',
    period_invalid: 'The reporting period “{{period}}” is not understood. Write 2016, 2016-H2, 2016-Q3, 2016-07 or 2016-07-01..2017-01-31.',
    verified_expired:
      'This verification has expired (the app restarted, or several reports were verified since). Open the report file again.',
    not_in_package: 'The report has no file “{{path}}”.',
    changed_since_verified:
      'The report file {{file}} was changed, moved or could not be read after it was verified; nothing was saved. Verify it again.',
    save_disk_full: 'The disk is full; {{file}} was not saved.',
    save_failed: 'Could not save {{file}}: {{reason}}',
  },
  print: {
    failed: 'Could not produce the printed document: {{reason}}',
    disk_full: 'The disk is full; the PDF {{file}} was not written.',
    write_failed: 'Could not write the PDF {{file}}: {{reason}}',
  },
  office: {
    submission_not_found: 'This received report cannot be found; it may be gone after a backup was restored. Refresh the inbox.',
    batch_running: 'The previous batch is still being received; wait for it to finish or cancel it first.',
    not_same_report: 'These two reports are not versions of the same department and period, so they cannot be compared.',
    watch_unavailable: 'Cannot read the watched folder {{folder}}: {{reason}}. Receiving resumes when it is reachable again.',
    watch_not_folder: '“{{name}}” is not a folder: choose the folder to watch (a USB drive or a shared folder).',
    no_plan_departments: 'The current plan names no responsible departments, so there is nothing to track.',
    range_invalid:
      'Cannot show reports from {{from}} to {{to}}: the first month may not be after the last, and at most {{max}} months are shown at once. Choose a shorter range.',
    report_unreadable:
      'The report.json of the received report {{file}} cannot be read, so the two versions cannot be compared. Verify that report file again from the inbox.',
  },
  receipt: {
    invalid: 'The receipt did not verify: {{reason}}',
    untrusted:
      'The receipt is signed by a key that is not registered ({{office}}, fingerprint {{fingerprint}}); it was not imported. Check the fingerprint with the office by phone and register the key, then import the receipt again.',
    unknown_package:
      'This data folder never exported the report this receipt is for (package SHA-256 {{sha256}}); it was not imported. Check that the receipt was meant for this department.',
    other_department: 'This receipt is for {{department}}, not for this department ({{own}}); it was not imported.',
    mismatch: 'The receipt does not match the report file: it is for another file (SHA-256 {{sha256}}).',
  },
  ledger: {
    format_unknown:
      'This file is not an Excel workbook (.xlsx) or a CSV file and cannot be imported. Save it as .xlsx or .csv in Excel or WPS and import that.',
    xls_legacy:
      'This is an old Excel (.xls) or WPS spreadsheet (.et) file, which cannot be imported directly. Open it in Excel or WPS, save it as .xlsx and import that.',
    encrypted:
      'This workbook is protected by a password to open and cannot be read. Open it in Excel or WPS with the password, remove the password and save it as a new .xlsx, then import that.',
    corrupt:
      'The sheet cannot be read; the file may be damaged or incomplete ({{detail}}). Open it in Excel or WPS, save it again and import that.',
    too_large:
      'The sheet unpacks to too much data (over {{limitMb}} MB) or is compressed suspiciously well; it does not look like a task breakdown and was not read, to be safe.',
    too_many_rows:
      'The sheet has more than {{max}} rows, which is not a task breakdown; nothing was imported. Keep only the tasks to import and try again.',
    too_many_columns: 'The sheet has more than {{max}} columns, which is not a task breakdown; nothing was imported.',
    sheet_not_found: 'The workbook has no worksheet named “{{sheet}}”.',
    empty: 'The sheet has no data rows after its header row; there are no tasks to import.',
    formulas_only:
      'Every cell of this sheet is a formula and the file holds no calculated values (typical of sheets made by another program and never saved in Excel). Open it in Excel or WPS, save it, and import it again.',
    mapping_incomplete:
      'Choose the column for “{{fields}}” first: an import needs to know which measure each row belongs to and what its task is.',
    mapping_duplicate: 'The column “{{header}}” is chosen for more than one field; choose a different column for each field.',
    nothing_to_import: 'No row can be imported: {{problems}} rows have problems, listed below.',
    cancelled: 'The import was cancelled; nothing was changed.',
    /** The task fields a sheet column fills, as mapping messages name them. */
    field: { measure: 'measure', task: 'task', owner: 'owner', due: 'due date', status: 'status', progress: 'progress', notes: 'notes' },
    fieldSeparator: ', ',
    export_cancelled: 'The ledger export was cancelled; no partial file was left behind.',
    nothing_to_export:
      '{{department}} carries no measure in the active plan, so the ledger has nothing to export. Check the chosen department and the active plan.',
    row: {
      measure_missing: 'No measure given.',
      measure_unknown: 'No measure “{{value}}”: give the measure number (such as “(一)1”) or its title.',
      measure_not_assigned: 'Measure {{label}} is not carried by this department, so its tasks cannot be imported here.',
      task_missing: 'No task text given.',
      task_too_long: 'The task text is longer than {{max}} characters.',
      notes_too_long: 'The notes are longer than {{max}} characters.',
      owner_too_long: 'The owner is longer than {{max}} characters.',
      status_unknown: 'Unknown status “{{value}}”: use 未开始, 进行中, 已完成 or 受阻.',
      progress_invalid: 'Unknown progress “{{value}}”: use a number from 0 to 100 (such as 40, 40% or 0.4).',
      due_invalid: 'Unknown due date “{{value}}”: use a date (such as 2016-09-30 or 2016年9月底前).',
      formula_without_value: 'The “{{column}}” column is a formula and the file holds no calculated value for it.',
      duplicate_row: 'The same task of the same measure as row {{first}}; row {{first}} was used.',
    },
  },
};
export default en;

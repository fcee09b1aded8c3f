import type zh from '../zh-CN/cli';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  usageLine: 'Usage: planledger {{synopsis}}',
  commands: 'Commands',
  options: 'Options',
  errorLine: 'Error: {{message}}',
  help: {
    main: 'PlanLedger command-line tool: the same services and the same data folder as the desktop app.',
    more: 'Run planledger <command> --help for a command’s options.',
    dataDir: 'data folder (default: {{dir}})',
    lang: 'output language: zh-CN or en (or the PLANLEDGER_LANG environment variable)',
    helpOption: 'show help',
  },
  info: {
    summary: 'show the app version, the data folder and database details (JSON)',
  },
  exportLedger: {
    summary: "export a department's ledger as an Excel workbook (.xlsx): a task sheet and a per-measure summary",
    department: 'department (as the plan names it, e.g. 质监)',
    out: 'the .xlsx file to write',
    progress: 'Exporting the ledger: {{done}} / {{total}} tasks',
    done: 'Ledger exported: {{file}} ({{measures}} measures, {{tasks}} tasks, {{size}} bytes)',
  },
  parsePlan: {
    summary:
      'parse a plan file (PDF, OFD, .docx, .doc, .wps, web page, .txt or .json) and print the plan JSON on stdout; notes go to stderr',
  },
  importPlan: {
    summary: 'import a plan file into the data folder and make it the active plan (the same file is never imported twice)',
    imported: 'Imported: {{title}} ({{measures}} measures, {{departments}} departments), now the active plan.',
    existing: 'This file was imported before: {{title}}; switched to it, nothing duplicated.',
  },
  importTasks: {
    summary:
      'Import tasks from a task breakdown (.xlsx or .csv), columns mapped by their headings; the same task of the same measure is updated when imported again, never duplicated',
    department: 'The department whose ledger the tasks go into, such as 质监',
    dryRun: 'Only check, write nothing: report the tasks that would be added or updated and the rows that cannot be imported',
    json: 'Print the result as JSON: {added, updated, unchanged, problems: [{row, message}]}',
    mapping: 'Header row {{row}}: {{columns}}',
    column: '{{field}} ← “{{header}}” (column {{column}})',
    columnSeparator: ', ',
    done: 'Imported: {{added}} tasks added, {{updated}} updated, {{unchanged}} unchanged.',
    dryRunDone: 'Checked, nothing written: {{added}} tasks would be added, {{updated}} updated, {{unchanged}} unchanged.',
    problems_one: '{{count}} row was not imported:',
    problems: '{{count}} rows were not imported:',
    problem: 'Row {{row}}: {{message}}',
  },
  reportDocx: {
    summary:
      'write a department’s report for a period as a Word document (.docx, official document layout, unsigned), the same as report.docx in the report file',
    department: 'department name, e.g. 质监',
    period: 'reporting period: 2016, 2016-H2, 2016-Q3, 2016-07 or 2016-07-01..2017-01-31',
    out: 'where to save the Word document (.docx)',
    done: 'Written: {{file}} ({{size}} bytes)',
  },
  unknownCommand: 'Unknown command: {{name}}. Run planledger --help for the list of commands.',
  badOption: 'Invalid arguments: {{detail}}',
};
export default en;

import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/api/errors';
import { causeText, userMessage } from '../../shared/api/error-text';
import { createTranslator, toLanguage } from '../lib/i18n';
import { defaultDataDir } from '../lib/paths';
import { errorLine, usageError, type CliIO, type Command, type OptionSpec } from './command';
import { exportCommand } from './commands/export';
import { exportLedgerCommand } from './commands/export-ledger';
import { importTasksCommand } from './commands/import-tasks';
import { infoCommand } from './commands/info';
import { officeStatusCommand } from './commands/office-status';
import { importPlanCommand, parsePlanCommand } from './commands/plans';
import { importReceiptCommand, verifyReceiptCommand } from './commands/receipts';
import { receiveCommand, trustCommand } from './commands/receive';
import { reportDocxCommand } from './commands/report-docx';
import { verifyCommand } from './commands/verify';

export const commands: readonly Command[] = [
  infoCommand,
  parsePlanCommand,
  importPlanCommand,
  exportCommand,
  exportLedgerCommand,
  reportDocxCommand,
  verifyCommand,
  trustCommand,
  receiveCommand,
  verifyReceiptCommand,
  importReceiptCommand,
  officeStatusCommand,
  importTasksCommand,
];

const globalOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', descriptionKey: 'cli.help.dataDir', valueName: 'DIR' },
  lang: { type: 'string', descriptionKey: 'cli.help.lang', valueName: 'zh-CN|en' },
  help: { type: 'boolean', descriptionKey: 'cli.help.helpOption' },
};

/** Runs one CLI invocation and returns its exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const language = toLanguage(findOption(argv, '--lang') ?? io.env.PLANLEDGER_LANG) ?? 'zh-CN';
  const t = createTranslator(language);
  const [name, ...rest] = argv;

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(t));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(errorLine(t, t('cli.unknownCommand', { name })));
    return 2;
  }

  const options = { ...globalOptions, ...command.options };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: toParseArgsOptions(options), allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(errorLine(t, t('cli.badOption', { detail: causeText(error) })));
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(commandHelp(command, t));
    return 0;
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    io.stderr(usageError(t, command.synopsis));
    return 2;
  }

  try {
    return await command.run({
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
      dataDir: resolve(typeof parsed.values['data-dir'] === 'string' ? parsed.values['data-dir'] : defaultDataDir(io.env)),
      t,
      io,
    });
  } catch (error) {
    io.stderr(errorLine(t, userMessage(error, t)));
    if (!(error instanceof AppError) && io.env.PLANLEDGER_DEBUG === '1') io.stderr(`${String((error as Error).stack)}\n`);
    return 1;
  }
}

function findOption(argv: readonly string[], flag: string): string | undefined {
  const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (index === -1) return undefined;
  const arg = argv[index] as string;
  return arg.includes('=') ? arg.slice(flag.length + 1) : argv[index + 1];
}

function toParseArgsOptions(options: Record<string, OptionSpec>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) }]),
  );
}

function optionLines(options: Record<string, OptionSpec>, t: TFunction): string[] {
  const entries = Object.entries(options).map(([name, spec]) => [
    `--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`,
    t(spec.descriptionKey, { dir: defaultDataDir() }),
  ]);
  const width = Math.max(...entries.map(([flag]) => (flag as string).length));
  return entries.map(([flag, text]) => `  ${(flag as string).padEnd(width)}  ${text}`);
}

function mainHelp(t: TFunction): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    t('cli.help.main'),
    '',
    t('cli.usageLine', { synopsis: `<command> [options]` }),
    '',
    `${t('cli.commands')}:`,
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${t(command.summaryKey)}`),
    '',
    `${t('cli.options')}:`,
    ...optionLines(globalOptions, t),
    '',
    t('cli.help.more'),
    '',
  ].join('\n');
}

function commandHelp(command: Command, t: TFunction): string {
  return [
    t(command.summaryKey),
    '',
    t('cli.usageLine', { synopsis: `${command.synopsis} [options]` }),
    '',
    `${t('cli.options')}:`,
    ...optionLines({ ...command.options, ...globalOptions }, t),
    '',
  ].join('\n');
}

import type { TFunction } from 'i18next';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: long work may show its progress there. */
  progress?: boolean;
  /** Calls `handler` on Ctrl+C (SIGINT) until the returned function is called. */
  onInterrupt?(handler: () => void): () => void;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** i18n key of the option's one-line description. */
  descriptionKey: string;
  /** Shown after the option name in help, e.g. FILE. */
  valueName?: string;
  multiple?: boolean;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  dataDir: string;
  t: TFunction;
  io: CliIO;
}

export interface Command {
  name: string;
  /** e.g. `parse-plan FILE`. */
  synopsis: string;
  summaryKey: string;
  options: Record<string, OptionSpec>;
  positionals: { min: number; max: number };
  /** Returns the process exit code. Throwing AppError prints its message and exits 1. */
  run(context: CommandContext): Promise<number>;
}

/** One error as the CLI prints it to stderr, with the language's own colon (错误：… / Error: …). */
export function errorLine(t: TFunction, message: string): string {
  return `${t('cli.errorLine', { message })}\n`;
}

/** The error for a command given the wrong arguments: how it is used. */
export function usageError(t: TFunction, synopsis: string): string {
  return errorLine(t, t('cli.badOption', { detail: t('cli.usageLine', { synopsis }) }));
}

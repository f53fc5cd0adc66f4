import { Chalk, type ChalkInstance } from 'chalk';
import { Command, Option } from 'commander';
import type { Lang } from '../index.js';
import { examplesText } from './localize-help.js';

/** Options every command accepts. */
export interface CommonOptions {
  json?: boolean;
  verbose?: boolean;
  /** Always set: `--lang` has the choices zh and en and defaults to zh. */
  lang: Lang;
}

/** Where a command writes: results on stdout, messages and progress on stderr. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Progress bars only on an interactive terminal. */
  stderrIsTty: boolean;
}

export const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTty: Boolean(process.stderr.isTTY),
};

/** Holds the exit code an action reports (1 when it finished with data problems). */
export interface RunState {
  exitCode: number;
}

/** What a command module gets when it registers: where to write and where to report its exit code. */
export interface CliContext {
  io: Io;
  state: RunState;
}

/** A command module's entry point: adds its command(s) to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Adds the options every command shares (`--json`, `--verbose`, `--lang`). */
export function withCommonOptions(cmd: Command, { json = true } = {}): Command {
  if (json) cmd.option('--json', 'print the machine-readable result on stdout');
  // Any other value would reach the report writers, which know only these two.
  return cmd
    .addOption(new Option('--lang <lang>', 'language of messages and labels: zh or en').choices(['zh', 'en']).default('zh'))
    .option('--verbose', 'show details, including stack traces of internal errors');
}

/** Appends an "Examples:" block (示例：in a Chinese help) to a command's --help. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText('after', () => examplesText(cmd, examples));
}

/** Prints a JSON result on stdout (the `--json` contract). */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Colours for messages on stderr: only on an interactive terminal, never with NO_COLOR set
 * (https://no-color.org) or TERM=dumb; FORCE_COLOR=1 turns them on anyway (chalk's convention).
 */
export function stderrColors(io: Io, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const wanted = io.stderrIsTty && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return new Chalk({ level: forced || wanted ? 1 : 0 });
}

/** A warning line on stderr (`survey: warning: …`, yellow on a terminal). */
export function warn(io: Io, message: string): void {
  io.stderr.write(`${stderrColors(io).yellow('survey: warning:')} ${message}\n`);
}

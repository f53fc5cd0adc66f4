import { Command, CommanderError } from 'commander';
import { EXIT, SurveyError, formatError, version } from '../index.js';
import { processIo, stderrColors, withExamples, type Io, type RunState } from './base.js';
import { helpLang, localizeHelp } from './localize-help.js';
import type { Lang } from '../index.js';
import { commands } from './commands/index.js';
import { installProcessGuards } from './process-guards.js';


/** Builds the `survey` program; each command module registers itself. */
export function buildProgram(io: Io, state: RunState, lang: Lang = 'en'): Command {
  const program = new Command('survey')
    .description('Questionnaire surveys from the raw export to the report: ingest, clean, weight, analyse, report.')
    .version(version)
    .showHelpAfterError('(add --help for usage and examples)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();
  withExamples(program, [
    'survey run data-samples/bazhou-2025/plan.yaml',
    'survey ingest export.xlsx --codebook q.yaml --out coded.csv',
    'survey clean export.xlsx --codebook q.yaml --out clean.csv --excluded excluded.csv',
    'survey shares clean.csv --codebook q.yaml --var happiness --top 2 --by area',
  ]);
  for (const register of commands) register(program, { io, state });
  // Help in the user's language (--lang, else the locale): after every command has registered.
  localizeHelp(program, lang);
  return program;
}

/** Runs the CLI; the only place that catches errors, prints them and decides the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const state: RunState = { exitCode: EXIT.ok };
  if (io === processIo) installProcessGuards();
  const verbose = argv.includes('--verbose');
  const program = buildProgram(io, state, helpLang(argv));
  try {
    await program.parseAsync(argv);
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version "errors" are successes; any other commander error is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(`${stderrColors(io).red.bold('survey:')} ${formatError(err)}\n`);
    // --verbose shows the stack of internal errors (as its help says); a usage or input error is one line.
    if (verbose && !(err instanceof SurveyError) && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return err instanceof SurveyError ? err.exitCode : EXIT.internal;
  }
}

import { ProblemsError, SurveyError, assertOutputsApart, assertWritable, formatError, formatLocation, writeFileAtomic, type Problem, importXlsform, loadCodebook, stringifyCodebook, summarizeCodebook, type CodebookSummary } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

/** Registers `survey codebook check` and `survey codebook import`. */
export const registerCodebook: RegisterCommand = (program, ctx) => {
  const codebook = withExamples(
    program.command('codebook').description('validate a codebook (YAML) or convert an XLSForm into one'),
    ['survey codebook check q.yaml', 'survey codebook import form.xlsx --out q.yaml'],
  );

  withExamples(
    withCommonOptions(codebook.command('check <codebook>'))
      .description('validate a codebook: prints a summary, or every problem as `path: message` (exit 2)'),
    ['survey codebook check q.yaml', 'survey codebook check q.yaml --json'],
  ).action((file: string, options: CommonOptions) =>
    reportingProblems(ctx, options, async () => {
      const summary = summarizeCodebook(await loadCodebook(file));
      if (options.json) printJson(ctx.io, { ok: true, file, ...summary });
      else ctx.io.stdout.write(`${file}: ok — ${describe(summary)}\n`);
    }),
  );

  withExamples(
    withCommonOptions(codebook.command('import <xlsform>'))
      .description('convert an XLSForm (.xlsx: survey, choices, settings sheets) into a codebook YAML')
      .requiredOption('--out <file>', 'the codebook to write (.yaml)')
      .option('--force', 'overwrite --out if it exists'),
    ['survey codebook import form.xlsx --out q.yaml', 'survey codebook import form.xlsx --out q.yaml --force --json'],
  ).action((form: string, options: CommonOptions & { out: string; force?: boolean }) =>
    reportingProblems(ctx, options, async () => {
      assertOutputsApart([{ path: options.out, role: '--out' }], [{ path: form, role: 'the input' }]);
      // Fail before the work, not after it.
      assertWritable(options.out, options);
      const cb = await importXlsform(form);
      await writeFileAtomic(options.out, stringifyCodebook(cb), options);
      const summary = summarizeCodebook(cb);
      if (options.json) printJson(ctx.io, { ok: true, file: options.out, source: form, ...summary });
      ctx.io.stderr.write(`wrote ${options.out}: ${describe(summary)}\n`);
    }),
  );
};

/**
 * Runs a subcommand; with --json, a usage error (bad codebook or form) is also printed on stdout
 * as `{"ok": false, "problems": [{path, message}]}`, and still exits 2.
 */
async function reportingProblems({ io, state }: CliContext, options: CommonOptions, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!options.json || !(err instanceof SurveyError) || err.kind !== 'usage') throw err;
    printJson(io, { ok: false, problems: problemsOf(err) });
    io.stderr.write(`survey: ${formatError(err)}\n`);
    state.exitCode = err.exitCode;
  }
}

function problemsOf(err: SurveyError): readonly Problem[] {
  if (err instanceof ProblemsError) return err.problems;
  // A YAML syntax error is located by line, not by a path inside the document.
  const path = formatLocation({ ...err.location, file: undefined }).replace(/: $/, '');
  return [{ path, message: err.hint ? `${err.message} — ${err.hint}` : err.message }];
}

/** `6 variables (4 single, 2 numeric), 1 check, 2 derived`. */
function describe(summary: CodebookSummary): string {
  const types = Object.entries(summary.types).map(([type, n]) => `${n} ${type}`).join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.variables, 'variable')} (${types}), ${plural(summary.checks, 'check')}, ${summary.derive} derived`;
}

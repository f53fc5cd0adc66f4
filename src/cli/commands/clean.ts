import type { Command } from 'commander';
import { EXIT, UsageError, assertOutputsApart, cliWords, assertWritable, cleanCsvSinks, cleanFile, defaultRules, loadCodebook, loadRules, openAtomicWriter, type AtomicWriter, type CleanSummary, type Lang } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { startProgress } from '../progress.js';
import { openOptionsOf, withReadOptions, type ReadCliOptions } from '../read-options.js';

interface CleanCliOptions extends CommonOptions, ReadCliOptions {
  codebook?: string;
  rules?: string;
  out?: string;
  excluded?: string;
  issues?: string;
  distributed?: string;
  force?: boolean;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The 发放/回收/有效 lines a 结项 report quotes, and the counts per reason. */
function summaryLines(s: CleanSummary, distributed: number | null, lang: Lang): string[] {
  const w = cliWords(lang).clean;
  const rate = s.inputRows ? s.keptRows / s.inputRows : 0;
  const reasons = Object.entries(s.reasons).sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${rule.padEnd(22)} ${n}`);
  const head = w.counts({ distributed, returned: s.inputRows, valid: s.keptRows, excluded: s.excludedRows, flagged: s.flaggedRows, validRate: percent(rate) });
  const speed = s.speederSeconds === null ? [] : [`speeder threshold ${s.speederSeconds.toFixed(0)} s (median ${s.medianDuration} s)`];
  return [...head, ...speed, ...(reasons.length ? [w.byRule, ...reasons] : [])];
}

async function run(file: string, options: CleanCliOptions, { io, state }: CliContext): Promise<void> {
  if (!options.codebook) throw new UsageError('clean needs --codebook', { hint: 'draft one with `survey ingest FILE --write-codebook q.yaml`' });
  const force = { force: options.force };
  const outputs = [options.out, options.excluded, options.issues].filter((p): p is string => Boolean(p));
  assertOutputsApart(
    [{ path: options.out, role: '--out' }, { path: options.excluded, role: '--excluded' }, { path: options.issues, role: '--issues' }],
    [{ path: file, role: 'the input' }, { path: options.codebook, role: '--codebook' }, { path: options.rules, role: '--rules' }],
  );
  for (const path of outputs) assertWritable(path, force);
  const distributed = options.distributed === undefined ? null : Number(options.distributed);
  if (distributed !== null && !(Number.isInteger(distributed) && distributed > 0)) {
    throw new UsageError(`--distributed "${options.distributed}" is not a positive whole number`, { hint: 'give the number of questionnaires handed out (发放)' });
  }
  const codebook = await loadCodebook(options.codebook);
  const rules = options.rules ? await loadRules(options.rules) : defaultRules();
  const writers: AtomicWriter[] = [];
  const open = (path: string | undefined) => {
    if (!path) return null;
    const w = openAtomicWriter(path, force);
    writers.push(w);
    return w;
  };
  const clean = open(options.out);
  const excluded = open(options.excluded);
  const issues = open(options.issues);
  let errors = 0;
  const progress = startProgress(io, 'clean');
  const sinks = cleanCsvSinks({ clean, excluded, issues }, { lang: options.lang, codebook });
  let summary: CleanSummary;
  try {
    await sinks.begin();
    summary = await cleanFile(
      file,
      { ...openOptionsOf(options), codebook, rules, onProgress: (d, t) => progress.update(d, t) },
      {
        ...sinks,
        issues(list) {
          errors += list.filter((i) => i.severity === 'error').length;
          return sinks.issues?.(list);
        },
      },
    );
    progress.stop();
    for (const w of writers) await w.commit();
  } catch (err) {
    progress.stop();
    for (const w of writers) await w.abort();
    throw err;
  }
  if (options.json) {
    printJson(io, {
      input_rows: summary.inputRows,
      kept_rows: summary.keptRows,
      excluded_rows: summary.excludedRows,
      flagged_rows: summary.flaggedRows,
      reasons: summary.reasons,
      distributed,
      valid_rate: summary.inputRows ? summary.keptRows / summary.inputRows : null,
      speeder_seconds: summary.speederSeconds,
      median_duration: summary.medianDuration,
    });
  }
  io.stderr.write(`${summaryLines(summary, distributed, options.lang).join('\n')}\n`);
  if (errors > 0) state.exitCode = EXIT.dataProblems;
}

/** `survey clean`: apply the codebook's checks and the quality rules, with a full audit trail. */
export function registerClean(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('clean')
    .description('apply codebook checks and quality rules; write clean rows, excluded rows (original cells + reasons) and issues')
    .argument('<file>', 'a raw export (csv/xlsx/xls, 问卷星) or a coded CSV from `survey ingest`')
    .option('--codebook <q.yaml>', 'the questionnaire codebook (required)')
    .option('--rules <rules.yaml>', 'quality rules: thresholds and actions (exclude | flag | off); defaults in the README')
    .option('--out <clean.csv>', 'kept rows, coded, with _source_row and _flags')
    .option('--excluded <excluded.csv>', 'excluded rows: original cells, _source_row and _reasons')
    .option('--issues <issues.csv>', 'every issue: source_row,variable,raw_value,rule,severity,message')
    .option('--distributed <N>', 'questionnaires handed out (发放), for the 有效率 line')
    .option('--force', 'overwrite existing output files');
  withReadOptions(cmd);
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey clean wjx-export.xlsx --codebook codebook.yaml --out clean.csv --excluded excluded.csv --issues issues.csv',
    'survey clean coded.csv --codebook q.yaml --rules rules.yaml --out clean.csv --excluded excluded.csv --json',
  ]);
  cmd.action((file: string, options: CleanCliOptions) => run(file, options, ctx));
}

import type { Command } from 'commander';
import { EXIT, SOURCE_ROW, UsageError, assertOutputsApart, assertWritable, csvLine, ingestFile, issueMessage, loadCodebook, openAtomicWriter, pairFiles, stringifyCodebook, writeFileAtomic, writeIssues, type Codebook, type IngestSummary, type Issue } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { startProgress } from '../progress.js';
import { issueJson, openOptionsOf, withReadOptions, type ReadCliOptions } from '../read-options.js';

interface IngestCliOptions extends CommonOptions, ReadCliOptions {
  codebook?: string;
  out?: string;
  writeCodebook?: string;
  pair?: string;
  issues?: string;
  force?: boolean;
}

function countByRule(issues: readonly Issue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of issues) counts[i.rule] = (counts[i.rule] ?? 0) + 1;
  return counts;
}

function describeLayout(s: IngestSummary): string {
  if (s.layout === 'wjx-text') return '问卷星 按文本';
  if (s.layout === 'wjx-code') return '问卷星 按序号';
  return 'plain table';
}

function summaryLines(s: IngestSummary, options: IngestCliOptions): string[] {
  const enc = s.encoding ? `, ${s.encoding}` : '';
  const byRule = Object.entries(countByRule(s.issues)).map(([rule, n]) => `${rule} ${n}`);
  const lines = [
    `${s.file}: ${s.format}${enc}, ${describeLayout(s)}; ${s.rows} rows, ${s.columns} columns`,
    `mapped ${s.mapped.length} columns to ${new Set(s.mapped.map((m) => m.variable)).size} variables → ${s.outputs.length} coded columns${s.drafted ? ' (codebook drafted from the data)' : ''}`,
  ];
  if (s.unmapped.length) lines.push(`unmapped columns (${s.unmapped.length}): ${s.unmapped.map((h) => h.trim()).join(' | ')}`);
  if (s.missingVariables.length) lines.push(`codebook variables not in the file (${s.missingVariables.length}): ${s.missingVariables.join(', ')}`);
  lines.push(s.issues.length ? `issues: ${s.issues.length} (${byRule.join(', ')})${options.issues ? ` → ${options.issues}` : ' — write them with --issues FILE'}` : 'issues: none');
  if (options.out) lines.push(`wrote ${options.out}`);
  return lines;
}

function jsonOf(s: IngestSummary) {
  return {
    format: s.format,
    encoding: s.encoding,
    layout: s.layout,
    rows: s.rows,
    columns: s.columns,
    mapped: s.mapped,
    unmapped: s.unmapped.map((h) => h.trim()),
    missing_variables: s.missingVariables,
    missing: s.missing,
    issues: s.issues.map(issueJson),
  };
}

async function run(file: string, options: IngestCliOptions, { io, state }: CliContext): Promise<void> {
  const force = { force: options.force };
  assertOutputsApart(
    [{ path: options.out, role: '--out' }, { path: options.issues, role: '--issues' }, { path: options.writeCodebook, role: '--write-codebook' }],
    [{ path: file, role: 'the input' }, { path: options.pair, role: '--pair' }, { path: options.codebook, role: '--codebook' }],
  );
  for (const path of [options.out, options.issues, options.writeCodebook]) if (path) assertWritable(path, force);
  if (options.pair && options.codebook) throw new UsageError('--pair drafts a codebook; it cannot be combined with --codebook');
  const open = openOptionsOf(options);
  const pairIssues: Issue[] = [];
  let codebook: Codebook | undefined;
  if (options.codebook) codebook = await loadCodebook(options.codebook);
  if (options.pair) {
    const paired = await pairFiles(file, options.pair, open);
    codebook = paired.codebook;
    pairIssues.push(...paired.issues);
  }
  const progress = startProgress(io, 'ingest');
  const writer = options.out ? openAtomicWriter(options.out, force) : null;
  let summary: IngestSummary;
  try {
    summary = await ingestFile(
      file,
      // A draft written for editing needs codebook names (identifiers); otherwise the file's own names stay.
      { ...open, codebook, identifierNames: Boolean(options.writeCodebook), onProgress: (d, t) => progress.update(d, t) },
      writer
        ? {
            start: (outputs) => writer.write(csvLine([SOURCE_ROW, ...outputs.map((o) => o.name)])),
            row: (row) => writer.write(csvLine([row.sourceRow, ...row.values])),
          }
        : {},
    );
    progress.stop();
    await writer?.commit();
  } catch (err) {
    progress.stop();
    await writer?.abort();
    throw err;
  }
  summary.issues.unshift(...pairIssues);
  if (options.writeCodebook) await writeFileAtomic(options.writeCodebook, stringifyCodebook(summary.codebook), force);
  // Messages in the run's language, as `survey clean` writes them: the codebook used names the variables.
  const lang = options.lang;
  if (options.issues) await writeIssues(options.issues, summary.issues, force, (i) => issueMessage(i, lang, summary.codebook));
  if (options.json) printJson(io, jsonOf(summary));
  io.stderr.write(`${summaryLines(summary, options).join('\n')}\n`);
  if (summary.issues.some((i) => i.severity === 'error')) state.exitCode = EXIT.dataProblems;
}

/** `survey ingest`: read a raw export and write the coded table. */
export function registerIngest(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('ingest')
    .description('read a CSV/XLSX/XLS export (问卷星 按文本 or 按序号 recognised), map it to the codebook and write a coded CSV')
    .argument('<file>', 'the raw export: .csv/.tsv/.txt, .xlsx or .xls')
    .option('--codebook <q.yaml>', 'the questionnaire codebook; without one, types and choices are inferred')
    .option('--out <coded.csv>', 'write the coded table here (column _source_row is the 1-based data row)')
    .option('--write-codebook <draft.yaml>', 'write the codebook used (the draft inferred from the data when none is given)')
    .option('--pair <other-export>', 'the other 问卷星 download of the same survey (按文本 ↔ 按序号): draft the codebook from both')
    .option('--issues <issues.csv>', 'write every issue (source_row,variable,raw_value,rule,severity,message)')
    .option('--force', 'overwrite existing output files');
  withReadOptions(cmd);
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey ingest wjx-text.xlsx --pair wjx-code.xlsx --write-codebook q.yaml',
    'survey ingest wjx-text.xlsx --codebook q.yaml --out coded.csv --issues issues.csv',
    'survey ingest export.csv --encoding gbk --out coded.csv --json',
  ]);
  cmd.action((file: string, options: IngestCliOptions) => run(file, options, ctx));
}

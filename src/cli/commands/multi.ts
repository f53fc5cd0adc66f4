import type { Command } from 'commander';
import { consoleWords, estimateMulti, formatCount, formatFixed, formatPValue, formatPercent, formatTable, multiJson, type Lang, type MultiResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface MultiCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
  by?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function overallTable(r: MultiResult, lang: Lang): string {
  const t = consoleWords(lang).multi;
  const g = r.groups[0];
  return formatTable({
    title: `${r.label} (${r.variable})`,
    columns: [{ header: t.option }, { header: t.count, align: 'right' }, { header: t.responses, align: 'right' }, { header: t.cases, align: 'right' }, { header: t.ci, align: 'right' }],
    rows: [
      ...g.options.map((o) => [o.label, formatCount(o.count), formatPercent(o.percentOfResponses), formatPercent(o.percentOfCases), `${formatPercent(o.confLow)} – ${formatPercent(o.confHigh)}`]),
      [t.total, formatCount(g.responses), g.responses > 0 ? '100.0%' : '', formatPercent(g.responses / g.weightedN), ''],
    ],
    notes: [`${t.n}: ${formatCount(g.n)}${g.none ? `; ${t.none}: ${formatCount(g.none)}` : ''}; CI: ${r.ciMethod}`],
  });
}

function byTable(r: MultiResult, lang: Lang): string {
  const t = consoleWords(lang).multi;
  const groups = r.groups.slice(1);
  const tests = new Map(r.tests.map((x) => [String(x.code), x]));
  const test = r.tests[0]?.test === 'rao-scott' ? t.raoScott : t.pearson;
  return formatTable({
    title: `${r.label}: ${t.cases} ${t.by} ${r.byLabel}`,
    columns: [{ header: t.option }, ...groups.map((g) => ({ header: g.level, align: 'right' as const })), { header: test, align: 'right' }, { header: 'p', align: 'right' }],
    rows: [
      ...r.groups[0].options.map((o, k) => {
        const x = tests.get(String(o.code));
        return [o.label, ...groups.map((g) => formatPercent(g.options[k].percentOfCases)), x ? formatFixed(x.statistic, 2) : '', x ? formatPValue(x.pValue) : ''];
      }),
      [t.n, ...groups.map((g) => formatCount(g.n)), '', ''],
    ],
  });
}

async function run(file: string, options: MultiCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const variables = options.var.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const results = variables.map((variable) => estimateMulti(design, { variable, by: options.by, lang }));
  if (options.json) {
    printJson(io, results.length === 1 ? multiJson(results[0]) : results.map(multiJson));
    return;
  }
  io.stdout.write(results.map((r) => (r.by ? `${overallTable(r, lang)}\n${byTable(r, lang)}` : overallTable(r, lang))).join('\n'));
}

/** Registers `survey multi`. */
export function registerMulti(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('multi')
    .description('multiple-response (多选题) table: responses, % of responses, % of cases, n answering; by group with a test per option')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'multi-select questions of the codebook (type: multi); comma-separated or repeated')
    .option('--by <G>', 'also tabulate within each level of G and test each option against it (Pearson χ²; Rao-Scott F when weighted)');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey multi coded.csv --codebook q.yaml --var q6',
    'survey multi coded.csv --codebook q.yaml --var q6 --by q3 --json',
    'survey multi weighted.csv --codebook q.yaml --var q6 --by q3 --weight weight',
  ]).action((file: string, options: MultiCliOptions) => run(file, options, ctx));
}

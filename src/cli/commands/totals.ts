import type { Command } from 'commander';
import { consoleWords, estimateTotals, formatCount, formatFixed, formatTable, resolveVariables, totalsJson, type Lang, type TotalsResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface TotalsCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
  by?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(r: TotalsResult, lang: Lang): string {
  const t = consoleWords(lang).totals;
  const notes = r.weights === 'sampling' ? [] : [t.unweighted];
  for (const g of r.groups) if (g.note) notes.push(`${g.level}: ${g.note}`);
  return formatTable({
    title: r.label,
    columns: [{ header: t.group }, ...(r.categorical ? [{ header: t.value }] : []), { header: t.n, align: 'right' as const }, { header: t.total, align: 'right' as const }, { header: 'SE', align: 'right' as const }, { header: t.ci, align: 'right' as const }, { header: 'deff', align: 'right' as const }],
    rows: r.groups.map((g) => [
      g.by === null ? t.all : g.level, ...(r.categorical ? [g.value ?? ''] : []), formatCount(g.n), formatFixed(g.total, 1), formatFixed(g.standardError, 1),
      `${formatFixed(g.confLow, 1)} – ${formatFixed(g.confHigh, 1)}`, formatFixed(g.deff, 2),
    ]),
    notes,
  });
}

async function run(file: string, options: TotalsCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const results = resolveVariables(design.table, options.var).map((variable) => estimateTotals(design, { variable, by: options.by, lang }));
  for (const r of results) for (const g of r.groups) if (g.note) io.stderr.write(`survey: warning: ${r.variable}, ${g.by} = ${g.level}: ${g.note}\n`);
  if (options.json) printJson(io, results.length === 1 ? totalsJson(results[0]) : results.map(totalsJson));
  else io.stdout.write(results.map((r) => consoleText(r, lang)).join('\n'));
}

/** Registers `survey totals`. */
export function registerTotals(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('totals')
    .description('estimated population totals (numeric) or counts per category, SE, CI and design effect, overall and by group (= svytotal)')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'variables: numeric ones are totalled, categorical ones give one count per category; comma-separated or repeated')
    .option('--by <G>', 'also estimate within each level of G');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey totals weighted.csv --codebook q.yaml --var happiness --by area --weight w   # 各类幸福感的总体人数（城市/农村）',
    'survey totals apistrat.csv --var enroll,stype --by awards --weight pw --strata stype --fpc fpc --json',
  ]).action((file: string, options: TotalsCliOptions) => run(file, options, ctx));
}

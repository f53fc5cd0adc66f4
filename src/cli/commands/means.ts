import type { Command } from 'commander';
import { consoleWords, estimateMeans, formatCount, formatFixed, formatPClause, formatTable, meansJson, resolveVariables, type Lang, type MeansResult, type DataTable } from '../../index.js';
import { printJson, warn, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { fileEstimates, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface MeansCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
  by?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(r: MeansResult, lang: Lang): string {
  const t = consoleWords(lang).means;
  const notes: string[] = [];
  const d = r.difference;
  if (d) notes.push(`${t.difference} ${d.first} − ${d.second}: ${formatFixed(d.estimate, 3)} [${formatFixed(d.confLow, 3)}, ${formatFixed(d.confHigh, 3)}], t(${formatFixed(d.df, 1)}) = ${formatFixed(d.statistic, 3)}, p ${formatPClause(d.pValue)} (${d.method})`);
  const a = r.anova;
  if (a) notes.push(`${a.test === 'aov' ? t.anova : t.wald}: F(${formatFixed(a.df, 0)}, ${formatFixed(a.ddf ?? NaN, 0)}) = ${formatFixed(a.statistic, 3)}, p ${formatPClause(a.pValue)}`);
  for (const g of r.groups) if (g.note) notes.push(`${g.level}: ${g.note}`);
  return formatTable({
    title: r.label,
    columns: [{ header: t.group }, { header: t.n, align: 'right' }, { header: t.mean, align: 'right' }, { header: t.sd, align: 'right' }, { header: 'SE', align: 'right' }, { header: t.ci, align: 'right' }, { header: 'deff', align: 'right' }],
    rows: r.groups.map((g) => [
      g.by === null ? t.all : g.level, formatCount(g.n), formatFixed(g.mean, 3), formatFixed(g.sd, 3), formatFixed(g.standardError, 3),
      `${formatFixed(g.confLow, 3)} – ${formatFixed(g.confHigh, 3)}`, formatFixed(g.deff, 2),
    ]),
    notes,
  });
}

async function run(file: string, options: MeansCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const specs = (table: DataTable) => resolveVariables(table, options.var).map((variable) => ({ variable, by: options.by, lang }));
  const results = await fileEstimates(file, options, io, specs, { request: (means) => ({ means }), pick: (r) => r.means }, estimateMeans);
  for (const r of results) for (const g of r.groups) if (g.note) warn(io, `${r.variable}, ${g.by} = ${g.level}: ${g.note}`);
  if (options.json) printJson(io, results.length === 1 ? meansJson(results[0]) : results.map(meansJson));
  else io.stdout.write(results.map((r) => consoleText(r, lang)).join('\n'));
}

/** Registers `survey means`. */
export function registerMeans(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('means')
    .description('mean, SD, SE, CI and design effect, overall and by group; two groups: Welch t / svyttest, more: one-way ANOVA / regTermTest')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'numeric variables: names, globs or a codebook group; comma-separated or repeated')
    .option('--by <G>', 'also estimate within each level of G');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey means responses.csv --codebook q.yaml --var income --by area',
    'survey means apistrat.csv --var api00 --by stype --weight pw --strata stype --json   # "anova": regTermTest Wald F',
    'survey means apistrat.csv --var api00 --by awards --weight pw --strata stype --json  # "comparison": svyttest',
    'survey means apiclus2.csv --var api00 --cluster dnum+snum --fpc fpc1+fpc2          # two-stage design',
    'survey means nhanes.csv --var HI_CHOL --weight WTMEC2YR --strata SDMVSTRA --cluster SDMVPSU --nest',
  ]).action((file: string, options: MeansCliOptions) => run(file, options, ctx));
}

import type { Command } from 'commander';
import { consoleWords, UsageError, estimateShares, formatCount, formatFixed, formatPClause, formatPValue, formatPercent, formatTable, parseCiMethod, resolveVariables, sharesJson, type Lang, type SharesResult, type DataTable } from '../../index.js';
import { printJson, warn, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { fileEstimates, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface SharesCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
  top?: string;
  values?: string;
  by?: string;
  ci?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function differenceNote(r: SharesResult, lang: Lang): string | null {
  const d = r.difference;
  if (!d) return null;
  const stat = d.statisticName === 't' ? `t(${formatFixed(d.df, 0)}) = ${formatFixed(d.statistic, 2)}` : `χ²(1) = ${formatFixed(d.statistic, 2)}`;
  return `${consoleWords(lang).shares.difference} ${d.first} − ${d.second}: ${formatPercent(d.estimate)} [${formatPercent(d.confLow)}, ${formatPercent(d.confHigh)}], ${stat}, p ${formatPClause(d.pValue)} (${d.method})`;
}

/** The test of equal shares in more than two groups (chisq.test / svychisq). */
function anovaNote(r: SharesResult, lang: Lang): string | null {
  const a = r.anova;
  if (!a) return null;
  const stat = a.ddf === null ? `χ²(${formatFixed(a.df, 0)}) = ${formatFixed(a.statistic, 2)}` : `F(${formatFixed(a.df, 2)}, ${formatFixed(a.ddf, 2)}) = ${formatFixed(a.statistic, 2)}`;
  return `${consoleWords(lang).shares.equal}: ${stat}, p ${formatPClause(a.pValue)} (${a.test})`;
}

/** One table per variable: a row per group. */
function detailTable(r: SharesResult, lang: Lang): string {
  const t = consoleWords(lang).shares;
  const notes = [differenceNote(r, lang), anovaNote(r, lang), `deff: ${r.weights === 'sampling' ? 'svymean' : '1 (simple random sample)'}; CI: ${r.ciMethod}`].filter((n): n is string => n !== null);
  return formatTable({
    title: `${r.label}（${t.of} ${r.valueLabels.join(' / ')}）`,
    columns: [{ header: t.group }, { header: t.n, align: 'right' }, { header: t.count, align: 'right' }, { header: t.share, align: 'right' }, { header: t.ci, align: 'right' }, { header: 'SE', align: 'right' }, { header: 'deff', align: 'right' }],
    rows: r.groups.map((g) => [
      g.level === 'all' && g.by === null ? t.all : g.level,
      formatCount(g.n), formatCount(g.count), formatPercent(g.share),
      Number.isNaN(g.share) ? t.empty : `${formatPercent(g.confLow)} – ${formatPercent(g.confHigh)}`,
      formatFixed(g.standardError, 4), formatFixed(g.deff, 2),
    ]),
    notes,
  });
}

/** Several variables: one row per item, a column per group (the "domain × 城市/农村" table). */
function summaryTable(results: SharesResult[], lang: Lang): string {
  const t = consoleWords(lang).shares;
  const groups = results[0].groups.map((g) => (g.level === 'all' && g.by === null ? t.all : g.level));
  const withDifference = results.some((r) => r.difference);
  return formatTable({
    title: `${t.share}（${t.of} ${results[0].valueLabels.join(' / ')}）`,
    columns: [{ header: t.variable }, ...groups.map((header) => ({ header, align: 'right' as const })), ...(withDifference ? [{ header: t.difference, align: 'right' as const }, { header: 'p', align: 'right' as const }] : [])],
    rows: results.map((r) => [
      r.label,
      ...r.groups.map((g) => formatPercent(g.share)),
      ...(withDifference ? [r.difference ? formatPercent(r.difference.estimate) : '', r.difference ? formatPValue(r.difference.pValue) : ''] : []),
    ]),
  });
}

async function run(file: string, options: SharesCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  if (options.top === undefined && options.values === undefined) throw new UsageError('say which answers to count: --top K or --values a,b');
  const top = options.top === undefined ? undefined : Number(options.top);
  const ci = options.ci === undefined ? undefined : parseCiMethod(options.ci);
  const values = options.values?.split(',').map((v) => v.trim());
  const specs = (table: DataTable) => resolveVariables(table, options.var).map((variable) => ({ variable, top, values, by: options.by, ci, lang }));
  const results = await fileEstimates(file, options, io, specs, { request: (shares) => ({ shares }), pick: (r) => r.shares }, estimateShares);
  for (const r of results) {
    for (const g of r.groups) if (g.note) warn(io, `${r.variable}, ${g.by} = ${g.level}: ${g.note}`);
  }
  if (options.json) {
    printJson(io, results.length === 1 ? sharesJson(results[0]) : results.map(sharesJson));
    return;
  }
  // Several items make one overview table; one item gets the detailed table with SE, CI and deff.
  io.stdout.write(results.length > 1 ? summaryTable(results, lang) : detailTable(results[0], lang));
}

/** Registers `survey shares`. */
export function registerShares(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('shares')
    .description('share of chosen answers (e.g. 比较幸福 + 非常幸福) with CI and design effect, overall and by group')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'variables: names, globs (sat_*) or a codebook group; comma-separated or repeated')
    .option('--top <K>', 'count the K highest categories of an ordered item')
    .option('--values <a,b>', 'count these answers (codes or labels)')
    .option('--by <G>', 'also estimate within each level of G (two levels: their difference and test; more: a test of equal shares)')
    .option('--ci <method>', 'interval: wilson (default), clopper-pearson, agresti-coull, jeffreys; weighted: logit (default), xlogit, beta, mean, likelihood, asin (svyciprop)');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey shares responses.csv --codebook q.yaml --var happiness --top 2 --by area',
    "survey shares responses.csv --codebook q.yaml --var 'sat_*' --top 2 --by area --json",
    'survey shares responses.csv --var sat_income --values 4,5 --weight w --strata district',
    'survey shares apiclus1.csv --var sch_wide --values Yes --weight pw --cluster dnum --ci likelihood   # svyciprop(method = "likelihood")',
    'survey shares apiclus1.csv --var sch_wide --values Yes --by awards --weight pw --cluster dnum --ci mean   # a share of 1: [1, 1] (logit: null + warning)',
    'survey shares apistrat.csv --var sch_wide --values Yes --by stype --weight pw --strata stype --json   # "anova": svychisq',
  ]).action((file: string, options: SharesCliOptions) => run(file, options, ctx));
}

import type { Command } from 'commander';
import { consoleWords, QUANTILE_RULES, UsageError, estimateQuantiles, formatCount, formatFixed, formatTable, quantilesJson, resolveVariables, type Lang, type QuantileRule, type QuantilesResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface QuantilesCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
  probs: string;
  qrule: string;
  by?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(r: QuantilesResult, lang: Lang): string {
  const t = consoleWords(lang).quantiles;
  const notes = groupNotes(r).map((n) => `${n.level}${n.prob === null ? '' : `, p = ${n.prob}`}: ${n.note}`);
  return formatTable({
    title: `${r.label} (qrule = ${r.rule})`,
    columns: [{ header: t.group }, { header: t.n, align: 'right' }, { header: t.prob, align: 'right' }, { header: t.quantile, align: 'right' }, { header: 'SE', align: 'right' }, { header: t.ci, align: 'right' }],
    rows: r.groups.map((g) => [
      g.by === null ? t.all : g.level, formatCount(g.n), String(g.prob), formatFixed(g.quantile, 2), formatFixed(g.standardError, 2),
      `${formatFixed(g.confLow, 2)} – ${formatFixed(g.confHigh, 2)}`,
    ]),
    notes,
  });
}

/** The notes of a result, once per group when every probability has the same one (a one-PSU group). */
function groupNotes(r: QuantilesResult): { by: string | null; level: string; prob: number | null; note: string }[] {
  const out: { by: string | null; level: string; prob: number | null; note: string }[] = [];
  for (const g of r.groups) {
    if (!g.note) continue;
    const same = r.groups.filter((x) => x.level === g.level && x.by === g.by);
    const shared = same.every((x) => x.note === g.note);
    if (shared && same[0] !== g) continue;
    out.push({ by: g.by, level: g.level, prob: shared ? null : g.prob, note: g.note });
  }
  return out;
}

/** `--probs 0.25,0.5,0.75` as numbers; the estimator checks they are in [0, 1]. */
function parseProbs(text: string): number[] {
  return text.split(',').map((s) => {
    const p = Number(s.trim());
    if (s.trim() === '' || Number.isNaN(p)) throw new UsageError(`--probs: "${s.trim()}" is not a number`, { hint: 'e.g. --probs 0.25,0.5,0.75' });
    return p;
  });
}

async function run(file: string, options: QuantilesCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const probs = parseProbs(options.probs);
  if (!(QUANTILE_RULES as readonly string[]).includes(options.qrule)) {
    throw new UsageError(`--qrule: unknown rule "${options.qrule}"`, { hint: `use one of ${QUANTILE_RULES.join(', ')}` });
  }
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const rule = options.qrule as QuantileRule;
  const results = resolveVariables(design.table, options.var).map((variable) => estimateQuantiles(design, { variable, probs, rule, by: options.by, lang }));
  for (const r of results) {
    for (const n of groupNotes(r)) io.stderr.write(`survey: warning: ${r.variable}, ${n.by ?? 'all rows'}${n.by ? ` = ${n.level}` : ''}${n.prob === null ? '' : `, p = ${n.prob}`}: ${n.note}\n`);
  }
  if (options.json) printJson(io, results.length === 1 ? quantilesJson(results[0]) : results.map(quantilesJson));
  else io.stdout.write(results.map((r) => consoleText(r, lang)).join('\n'));
}

/** Registers `survey quantiles`. */
export function registerQuantiles(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('quantiles')
    .description('weighted quantiles (median, quartiles) with Woodruff confidence intervals and SEs, overall and by group (= svyquantile)')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'numeric variables; comma-separated or repeated')
    .option('--probs <P>', 'probabilities in [0, 1], comma-separated', '0.25,0.5,0.75')
    .option('--qrule <rule>', `how a quantile is read off the weighted CDF (R svyquantile qrule): ${QUANTILE_RULES.join(', ')}`, 'math')
    .option('--by <G>', 'also estimate within each level of G');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey quantiles weighted.csv --codebook q.yaml --var income --probs 0.5 --by area --weight w   # 城乡居民收入中位数',
    'survey quantiles apiclus1.csv --var enroll --probs 0.1,0.5,0.9 --weight pw --cluster dnum --qrule hf7 --json',
  ]).action((file: string, options: QuantilesCliOptions) => run(file, options, ctx));
}

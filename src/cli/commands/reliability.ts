import type { Command } from 'commander';
import { consoleWords, UsageError, estimateReliability, formatFixed, formatPClause, formatTable, reliabilityJson, resolveVariables, type Lang, type ReliabilityResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface ReliabilityCliOptions extends CommonOptions, DesignCliOptions {
  items?: string[];
  group?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(r: ReliabilityResult, lang: Lang): string {
  const t = consoleWords(lang).reliability;
  return formatTable({
    title: `Cronbach's α = ${formatFixed(r.alpha, 3)}, standardized α = ${formatFixed(r.standardizedAlpha, 3)} (${t.n} ${r.n})`,
    columns: [{ header: t.item }, { header: t.mean, align: 'right' }, { header: t.sd, align: 'right' }, { header: t.r, align: 'right' }, { header: t.drop, align: 'right' }, { header: 'MSA', align: 'right' }],
    rows: r.items.map((i) => [`${i.label}${i.reversed ? t.reversed : ''}`, formatFixed(i.mean, 3), formatFixed(i.sd, 3), formatFixed(i.itemTotalR, 3), formatFixed(i.alphaIfDeleted, 3), formatFixed(i.msa, 3)]),
    notes: [`KMO = ${formatFixed(r.kmo, 3)}; Bartlett χ²(${r.bartlett.df}) = ${formatFixed(r.bartlett.statistic, 2)}, p ${formatPClause(r.bartlett.pValue)}`],
  });
}

async function run(file: string, options: ReliabilityCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  if (!options.items === !options.group) throw new UsageError('give the scale as --items a,b,c or --group NAME (one of them)');
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const items = resolveVariables(design.table, options.items ?? [options.group as string]);
  const result = estimateReliability(design, { items, lang });
  if (options.json) printJson(io, reliabilityJson(result));
  else io.stdout.write(consoleText(result, lang));
}

/** Registers `survey reliability`. */
export function registerReliability(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('reliability')
    .description("Cronbach's α, standardized α, corrected item-total r, α if deleted, KMO and Bartlett's test")
    .argument('<file>', 'coded CSV or raw export')
    .option('--items <a,b,c...>', 'the items: names or globs, comma-separated or repeated')
    .option('--group <name>', 'the items of a codebook group (e.g. satisfaction)');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey reliability responses.csv --codebook q.yaml --group satisfaction',
    "survey reliability responses.csv --items 'sat_*' --json",
  ]).action((file: string, options: ReliabilityCliOptions) => run(file, options, ctx));
}

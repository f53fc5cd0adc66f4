import type { Command } from 'commander';
import { consoleWords, crosstabJson, crosstabTestText, estimateCrosstab, formatCount, formatFixed, formatPClause, formatPercent, formatTable, type CrosstabResult, type Lang } from '../../index.js';
import { printJson, warn, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface CrosstabCliOptions extends CommonOptions, DesignCliOptions {
  rows: string;
  cols: string;
}


function panel(r: CrosstabResult, title: string, cell: (i: number, j: number) => string, margin: (i: number) => string, lang: Lang): string {
  return formatTable({
    title,
    columns: [{ header: `${r.rowLabel} \\ ${r.colLabel}` }, ...r.colLevels.map((header) => ({ header, align: 'right' as const })), { header: consoleWords(lang).crosstab.total, align: 'right' }],
    rows: r.rowLevels.map((level, i) => [level, ...r.colLevels.map((_, j) => cell(i, j)), margin(i)]),
  });
}

function consoleText(r: CrosstabResult, lang: Lang): string {
  const t = consoleWords(lang).crosstab;
  const rowTotals = r.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = r.colLevels.map((_, j) => r.counts.reduce((a, row) => a + row[j], 0));
  const parts = [
    panel(r, r.raoScott ? t.weighted : t.counts, (i, j) => formatCount(r.counts[i][j]), (i) => formatCount(rowTotals[i]), lang),
    panel(r, t.rowPct, (i, j) => formatPercent(r.counts[i][j] / rowTotals[i]), () => '100.0%', lang),
    panel(r, t.colPct, (i, j) => formatPercent(r.counts[i][j] / colTotals[j]), (i) => formatPercent(rowTotals[i] / r.total), lang),
  ];
  const lines = [`${r.raoScott ? '' : 'Pearson '}${crosstabTestText(r, 3)}, p ${formatPClause(r.pValue)}, Cramér's V = ${formatFixed(r.cramersV, 3)}, N = ${formatCount(r.total)}`];
  if (r.raoScott) lines.push(t.rs(formatFixed(r.raoScott.pearson, 3)));
  if (r.fisher) lines.push(`${t.fisher}: p ${formatPClause(r.fisher.pValue)}, ${t.or} = ${formatFixed(r.fisher.oddsRatio, 3)}`);
  return `${parts.join('\n')}\n${lines.join('\n')}\n`;
}

async function run(file: string, options: CrosstabCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const result = estimateCrosstab(design, { rows: options.rows, cols: options.cols, lang });
  if (result.lowExpectedCells > 0) warn(io, consoleWords(lang).crosstab.low(result.lowExpectedCells));
  if (options.json) printJson(io, crosstabJson(result));
  else io.stdout.write(consoleText(result, lang));
}

/** Registers `survey crosstab`. */
export function registerCrosstab(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('crosstab')
    .description('two-way table with row/column %, Pearson chi-square (Rao-Scott F when weighted), Cramér\'s V, Fisher\'s exact test for 2×2')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--rows <A>', 'row variable')
    .requiredOption('--cols <B>', 'column variable');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey crosstab responses.csv --codebook q.yaml --rows area --cols happiness',
    'survey crosstab housing.csv --rows Sat --cols Infl --freq Freq --json',
    'survey crosstab apistrat.csv --rows sch_wide --cols stype --weight pw --strata stype',
  ]).action((file: string, options: CrosstabCliOptions) => run(file, options, ctx));
}

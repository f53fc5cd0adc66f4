import type { Command } from 'commander';
import { consoleWords, EXIT, estimateRatio, formatCount, formatFixed, formatTable, ratioJson, type Lang, type RatioResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface RatioCliOptions extends CommonOptions, DesignCliOptions {
  num: string;
  den: string;
  by?: string;
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(r: RatioResult, lang: Lang): string {
  const t = consoleWords(lang).ratio;
  return formatTable({
    title: r.label,
    columns: [{ header: t.group }, { header: t.n, align: 'right' }, { header: t.ratio, align: 'right' }, { header: 'SE', align: 'right' }, { header: t.ci, align: 'right' }, { header: 'deff', align: 'right' }],
    rows: r.groups.map((g) => [
      g.by === null ? t.all : g.level, formatCount(g.n), formatFixed(g.ratio, 4), formatFixed(g.standardError, 4),
      `${formatFixed(g.confLow, 4)} – ${formatFixed(g.confHigh, 4)}`, formatFixed(g.deff, 2),
    ]),
    notes: r.groups.filter((g) => g.note).map((g) => `${g.level}: ${g.note}`),
  });
}

async function run(file: string, options: RatioCliOptions, { io, state }: CliContext): Promise<void> {
  const lang = options.lang;
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const result = estimateRatio(design, { numerator: options.num, denominator: options.den, by: options.by, lang });
  // A group whose denominator totals 0 has no ratio: the run finishes, with a data problem (exit 1).
  for (const g of result.groups) {
    if (!g.note) continue;
    io.stderr.write(`survey: warning: ${result.variable}, ${g.by ?? 'all rows'}${g.by ? ` = ${g.level}` : ''}: ${g.note}\n`);
    state.exitCode = EXIT.dataProblems;
  }
  if (options.json) printJson(io, ratioJson(result));
  else io.stdout.write(consoleText(result, lang));
}

/** Registers `survey ratio`. */
export function registerRatio(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('ratio')
    .description('ratio of two totals (Σwa / Σwb), SE, CI and design effect, overall and by group (= svyratio)')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--num <A>', 'numerator variable (numeric)')
    .requiredOption('--den <B>', 'denominator variable (numeric)')
    .option('--by <G>', 'also estimate within each level of G');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey ratio weighted.csv --codebook q.yaml --num health_cost --den income --by area --weight w   # 医疗支出占收入的比例',
    'survey ratio apiclus1.csv --num api_stu --den enroll --weight pw --cluster dnum --json',
  ]).action((file: string, options: RatioCliOptions) => run(file, options, ctx));
}

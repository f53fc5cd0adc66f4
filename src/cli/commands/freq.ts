import type { Command } from 'commander';
import { consoleWords, formatCount, formatFixed, formatTable, frequenciesJson, resolveVariables, tabulateFrequencies, type FrequencyTable, type Lang } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { loadDesign, reportDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface FreqCliOptions extends CommonOptions, DesignCliOptions {
  var: string[];
}

// The words a console table shares with the report come from it; these are the console's own.

function consoleText(f: FrequencyTable, lang: Lang): string {
  const t = consoleWords(lang).freq;
  return formatTable({
    title: `${f.label} (${f.variable})`,
    columns: [{ header: t.answer }, { header: t.count, align: 'right' }, { header: t.percent, align: 'right' }, { header: t.valid, align: 'right' }, { header: t.cumulative, align: 'right' }],
    rows: [
      ...f.levels.map((l) => [l.label, formatCount(l.count), formatFixed(l.percent, 1), formatFixed(l.validPercent, 1), formatFixed(l.cumulativePercent, 1)]),
      ...f.missing.map((m) => [`${t.missing}: ${m.reason}`, formatCount(m.count), formatFixed(m.percent, 1), '', '']),
      [t.total, formatCount(f.total), '100.0', '', ''],
    ],
  });
}

async function run(file: string, options: FreqCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  const tables = resolveVariables(design.table, options.var).map((variable) => tabulateFrequencies(design, { variable, lang }));
  if (options.json) printJson(io, tables.map(frequenciesJson));
  else io.stdout.write(tables.map((f) => consoleText(f, lang)).join('\n'));
}

/** Registers `survey freq`. */
export function registerFreq(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('freq')
    .description('frequency tables: counts, %, valid %, cumulative %, missing by reason, codebook labels')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--var <V...>', 'variables: names, globs or a codebook group; comma-separated or repeated');
  withExamples(withCommonOptions(withDesignOptions(cmd)), [
    'survey freq responses.csv --codebook q.yaml --var happiness,area',
    "survey freq responses.csv --codebook q.yaml --var 'sat_*' --json",
  ]).action((file: string, options: FreqCliOptions) => run(file, options, ctx));
}

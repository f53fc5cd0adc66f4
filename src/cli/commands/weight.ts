import type { Command } from 'commander';
import { consoleWords, SOURCE_ROW, UsageError, assertOutputsApart, assertWritable, csvLine, formatCount, formatFixed, formatPercent, formatTable, ingestFile, loadCodebook, loadTargets, makeDesign, openAtomicWriter, readDataTable, weightDesign, weightingJson, type Lang, type TrimSpec, type WeightingResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';

interface WeightCliOptions extends CommonOptions {
  targets: string;
  out?: string;
  method?: string;
  by?: string;
  baseWeight?: string;
  trim?: string;
  trimQuantiles?: string;
  maxIter: string;
  tolerance: string;
  name: string;
  codebook?: string;
  sheet?: string;
  force?: boolean;
}


function pair(text: string, flag: string): [number, number] {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p))) throw new UsageError(`${flag} takes two numbers LO,HI, not "${text}"`);
  if (!(parts[0] < parts[1])) throw new UsageError(`${flag} takes LO,HI with LO < HI, not "${text}"`);
  return parts as [number, number];
}

function trimSpec(options: WeightCliOptions): TrimSpec | undefined {
  if (options.trim && options.trimQuantiles) throw new UsageError('give either --trim or --trim-quantiles, not both');
  if (options.trim) return { bounds: pair(options.trim, '--trim') };
  if (!options.trimQuantiles) return undefined;
  const quantiles = pair(options.trimQuantiles, '--trim-quantiles');
  if (quantiles.some((q) => q < 0 || q > 1)) throw new UsageError(`--trim-quantiles takes two probabilities in [0, 1], not ${options.trimQuantiles}`);
  return { quantiles };
}

function positive(text: string, flag: string, integer: boolean): number {
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) throw new UsageError(`${flag} must be a positive ${integer ? 'integer' : 'number'}, not "${text}"`);
  return value;
}

function consoleReport(r: WeightingResult, lang: Lang): string {
  const t = consoleWords(lang).weight;
  const d = r.diagnostics;
  const summary = formatTable({
    title: t.title,
    columns: [{ header: t.statistic }, { header: t.value, align: 'right' }],
    rows: [
      ['method', `${r.calibrated.method}${r.calibrated.method === 'rake' ? ` (${r.calibrated.iterations} iterations)` : ''}`],
      ['n', formatCount(d.n)],
      ['sum of weights', formatFixed(d.sum, 1)],
      ['min / max', `${formatFixed(d.min, 3)} / ${formatFixed(d.max, 3)}`],
      ['max / min', formatFixed(d.ratio, 2)],
      ['CV', formatFixed(d.cv, 3)],
      ['Kish deff (1 + CV²)', formatFixed(d.kishDeff, 3)],
      ['effective n', formatFixed(d.effectiveN, 1)],
      ...(r.bounds ? [['trimmed to', `[${formatFixed(r.bounds[0], 3)}, ${formatFixed(r.bounds[1], 3)}] in ${r.trimRounds} rounds`]] : []),
    ],
  });
  const margins = formatTable({
    title: t.margins,
    columns: [{ header: t.target }, { header: t.level }, { header: t.n, align: 'right' }, { header: t.sample, align: 'right' }, { header: t.wanted, align: 'right' }, { header: t.weighted, align: 'right' }],
    rows: d.margins.map((m) => [m.target, m.level, formatCount(m.n), formatPercent(m.sampleShare, 2), formatPercent(m.targetShare, 2), formatPercent(m.weightedShare, 2)]),
  });
  return `${summary}\n${margins}`;
}

async function run(file: string, options: WeightCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  if (options.method !== undefined && options.method !== 'poststratify' && options.method !== 'rake') {
    throw new UsageError(`--method is poststratify or rake, not "${options.method}"`);
  }
  const trim = trimSpec(options);
  const maxIter = positive(options.maxIter, '--max-iter', true);
  const tolerance = positive(options.tolerance, '--tolerance', false);
  assertOutputsApart([{ path: options.out, role: '--out' }], [{ path: file, role: 'the input' }, { path: options.targets, role: '--targets' }, { path: options.codebook, role: '--codebook' }]);
  if (options.out) assertWritable(options.out, { force: options.force });
  const targets = await loadTargets(options.targets);
  const codebook = options.codebook ? await loadCodebook(options.codebook) : undefined;
  const { table } = await readDataTable(file, { codebook, sheet: options.sheet });
  if (table.has(options.name) && options.name !== options.baseWeight) {
    throw new UsageError(`${file} already has a column "${options.name}"`, { hint: 'name the new weights with --name, or pass that column as --base-weight to replace it' });
  }
  const design = makeDesign(table, { weight: options.baseWeight });
  const by = options.by?.split(',').map((v) => v.trim()).filter(Boolean);
  const result = weightDesign(design, targets, { method: options.method as 'poststratify' | 'rake' | undefined, by, trim, maxIter, tolerance });
  if (options.out) {
    // A second streaming pass writes each coded row as ingest does (declared missing codes kept) plus its weight.
    const writer = openAtomicWriter(options.out, { force: options.force });
    let row = 0;
    let replace = -1;
    try {
      await ingestFile(file, { codebook, sheet: options.sheet }, {
        start: (outputs) => {
          replace = outputs.findIndex((o) => o.name === options.name);
          return writer.write(csvLine([SOURCE_ROW, ...outputs.map((o) => o.name), ...(replace < 0 ? [options.name] : [])]));
        },
        row: async (coded) => {
          const values = [...coded.values];
          if (replace >= 0) values[replace] = result.weights[row];
          await writer.write(csvLine([coded.sourceRow, ...values, ...(replace < 0 ? [result.weights[row]] : [])]));
          row++;
        },
      });
      if (row !== table.nrows) throw new Error(`${file} changed while it was read (${table.nrows} rows, then ${row})`);
      await writer.commit();
    } catch (err) {
      await writer.abort();
      throw err;
    }
  }
  if (options.json) {
    printJson(io, weightingJson(result, { targets: options.targets, weightColumn: options.name, baseWeight: options.baseWeight ?? null }));
    return;
  }
  io.stdout.write(consoleReport(result, lang));
  if (options.out) io.stderr.write(`survey: wrote ${formatCount(table.nrows)} rows with weights "${options.name}" to ${options.out}\n`);
}

/** Registers `survey weight`. */
export function registerWeight(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('weight')
    .description('post-stratify or rake to population targets, trim, and report design effect and effective n')
    .argument('<file>', 'coded CSV or raw export')
    .requiredOption('--targets <population.yaml>', 'population margins (margins: {area: {城市: 425800, 农村: 218600}}) and/or crossed cells')
    .option('--out <weighted.csv>', 'write the coded rows plus the weight column here')
    .option('--method <m>', 'poststratify or rake (default: poststratify for one table of targets, else rake)')
    .option('--by <a,b>', 'weight on these variables of the targets file only')
    .option('--base-weight <W>', 'start from these sampling weights instead of equal weights')
    .option('--trim <LO,HI>', 'trim weights to these bounds, re-calibrating until both hold')
    .option('--trim-quantiles <p,q>', 'trim to these quantiles of the calibrated weights (e.g. 0.01,0.99)')
    .option('--max-iter <n>', 'at most this many raking sweeps (and trimming rounds)', '100')
    .option('--tolerance <t>', 'raking stops when every margin is within this relative error', '1e-10')
    .option('--name <column>', 'name of the weight column written', 'weight')
    .option('--codebook <q.yaml>', 'codebook giving codes and labels (targets may name levels by either)')
    .option('--sheet <name>', 'worksheet of an .xlsx/.xls input')
    .option('--force', 'overwrite --out if it exists');
  withExamples(withCommonOptions(cmd), [
    'survey weight responses.csv --codebook q.yaml --targets population.yaml --out weighted.csv',
    'survey weight responses.csv --targets margins.yaml --method rake --by area,sex --trim-quantiles 0.01,0.99 --out weighted.csv --json',
  ]).action((file: string, options: WeightCliOptions) => run(file, options, ctx));
}

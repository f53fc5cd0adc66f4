import type { Command } from 'commander';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError, cliWords, comparabilityReasons, compareWaves, comparisonJson, describeCodebookChange, describeSettingChange, ensureWaveResults, formatChange, formatLevel, formatPValue, formatTable, indicatorLabel, loadPlan, planWave, recodeWave, renderChartSvg, resultsWave, trendCharts, verdict, version, waveLabel, writeFileAtomic, type LoadedPlan, type Wave } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';

interface CompareCliOptions extends CommonOptions {
  labels?: string;
  reports: string;
  force?: boolean;
  unweighted?: boolean;
  same?: string[];
  recode?: string[];
  level: string;
  charts?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--recode VAR=OLD:NEW,OLD:NEW` as a plan's `recode:` entry. */
function parseRecode(values: readonly string[]): Record<string, Record<string, string | number>> {
  const out: Record<string, Record<string, string | number>> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const variable = at < 0 ? '' : value.slice(0, at).trim();
    const codes = value.slice(at + 1).split(',').map((p) => p.split(':').map((x) => x.trim()));
    if (!variable || codes.some((c) => c.length !== 2 || !c[0] || !c[1])) throw new UsageError(`--recode ${value}: give VAR=OLD:NEW,OLD:NEW, e.g. --recode sat_ecology=1:5,2:4,4:2,5:1`);
    // A code mapped twice, or a variable recoded twice, would keep one of them silently.
    const twice = codes.map(([a]) => a).find((a, i, all) => all.indexOf(a) !== i);
    if (twice !== undefined) throw new UsageError(`--recode ${value}: code ${twice} is mapped twice; map each old code once`);
    if (variable in out) throw new UsageError(`--recode ${variable}: given twice; put all of its codes in one --recode ${variable}=OLD:NEW,…`);
    out[variable] = Object.fromEntries(codes.map(([a, b]) => [a, /^-?\d+$/.test(b) ? Number(b) : b]));
  }
  return out;
}

async function loadWave(input: string, label: string | undefined, same: Record<string, string>, options: CompareCliOptions, onWave: (m: string) => void): Promise<{ wave: Wave; loaded: LoadedPlan | null }> {
  if (/\.json$/i.test(input)) return { wave: await resultsWave(input, label, same), loaded: null };
  const loaded = await loadPlan(input);
  const { file } = await ensureWaveResults(loaded, { reports: options.reports, force: options.force, version, onWave });
  return { wave: await planWave(loaded, JSON.parse(await readFile(file, 'utf8')), file, label ?? waveLabel(loaded), same), loaded };
}

async function run(inputs: string[], options: CompareCliOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const w = cliWords(lang).compare;
  if (inputs.length < 2) throw new UsageError('give two or more waves, earliest first: plans (plan.yaml) or their results.json');
  const labels = options.labels?.split(',').map((l) => l.trim());
  if (labels && labels.length !== inputs.length) throw new UsageError(`--labels names ${labels.length} waves, ${inputs.length} were given`);
  const level = Number(options.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level ${options.level}: give a confidence level between 0 and 1, e.g. 0.95`);
  const same = Object.fromEntries((options.same ?? []).map((s) => {
    const [variable, ...reason] = s.split('=');
    return [variable.trim(), reason.join('=').trim() || w.statedComparable];
  }));
  const recode = parseRecode(options.recode ?? []);
  const loadedWaves: { wave: Wave; loaded: LoadedPlan | null }[] = [];
  for (const [k, input] of inputs.entries()) loadedWaves.push(await loadWave(input, labels?.[k], same, options, (m) => io.stderr.write(`survey compare: ${m}\n`)));
  // --recode maps every earlier wave's codes to the next one's, re-estimating it on the recoded data.
  const waves: Wave[] = [];
  for (const [k, { wave, loaded }] of loadedWaves.entries()) {
    const later = loadedWaves[k + 1]?.wave.codebook ?? null;
    if (k === loadedWaves.length - 1 || !Object.keys(recode).length) waves.push(wave);
    else if (loaded) waves.push(await recodeWave(wave, loaded, dirname(wave.source), recode, later));
    else waves.push(await resultsWave(inputs[k], labels?.[k], same, recode, later));
  }
  const comparison = compareWaves(waves, { level, basis: options.unweighted ? 'unweighted' : 'weighted' });
  const codebook = [...waves].reverse().find((w) => w.codebook)?.codebook ?? null;
  if (options.charts) {
    // Trend charts for any number of waves (the report draws them from three on).
    const charts = trendCharts(comparison, codebook, lang, 'trend').flatMap((b) => (b.kind === 'chart' ? [b] : []));
    await mkdir(options.charts, { recursive: true });
    for (const c of charts) await writeFileAtomic(join(options.charts, `${c.id}.svg`), renderChartSvg(c.chart), { force: options.force });
    io.stderr.write(`survey compare: wrote ${charts.length} trend chart${charts.length === 1 ? '' : 's'} to ${options.charts}/\n`);
  }
  if (options.json) {
    printJson(io, comparisonJson(comparison, codebook, lang));
    return;
  }
  for (const pair of comparison.pairs) {
    const lines = [
      ...(pair.codebook === null ? [w.noCodebook] : pair.codebook.map((c) => `${c.breaks ? '✗' : '·'} ${describeCodebookChange(c, lang)}`)),
      ...(pair.cleaning ?? []).map((c) => `· ${w.cleaning} ${describeSettingChange(c, lang)}`),
      ...(pair.weighting ?? []).map((c) => `· ${w.weighting} ${describeSettingChange(c, lang)}`),
    ];
    io.stdout.write(`${w.comparability(pair.from, pair.to, !lines.length)}\n${lines.map((l) => `  ${l}\n`).join('')}\n`);
    io.stdout.write(formatTable({
      title: w.title(pair.from, pair.to),
      columns: [{ header: w.indicator }, { header: w.group }, { header: pair.from, align: 'right' }, { header: pair.to, align: 'right' }, { header: w.change, align: 'right' }, { header: w.ci, align: 'right' }, { header: 'p', align: 'right' }, { header: w.verdict }],
      rows: pair.rows.map((r) => {
        const s = r.indicator.statistic;
        return [s === 'coefficient' ? `${r.indicator.model}: ${r.indicator.term}` : indicatorLabel(codebook, r.indicator, lang), r.indicator.level === 'all' ? w.all : r.indicator.level, formatLevel(r.earlier.estimate, s), formatLevel(r.indicator.estimate, s), formatChange(r.difference, s), `${formatChange(r.confLow, s)} … ${formatChange(r.confHigh, s)}`, formatPValue(r.pValue), verdict(r, lang) + (r.comparable === false ? `: ${comparabilityReasons(r, lang).filter((x) => !/不影响|does not break/.test(x)).join('; ')}` : '')];
      }),
      notes: [w.note],
    }));
    io.stdout.write('\n');
  }
}

/** Registers `survey compare`. */
export function registerCompare(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('compare')
    .description('wave-to-wave changes: codebook comparability diff first, then every share, mean and model term both waves estimate, with the SE, CI and test of the change (independent samples)')
    .argument('<waves...>', 'two or more waves, earliest first: plan files (their results are reused when fresh, else run) or results.json files')
    .option('--labels <a,b,...>', 'names of the waves (default: each plan\'s wave:, else the year of its date:)')
    .option('--reports <dir>', 'where plans\' report folders are (as survey run --out)', 'reports')
    .option('--force', 'run again a plan whose report folder is out of date')
    .option('--same <var[=reason]>', 'a variable comparable despite a codebook change (repeatable)', collect)
    .option('--recode <var=old:new,...>', 'map an earlier wave\'s codes to the next wave\'s before comparing; that wave is re-estimated on the recoded data (repeatable)', collect)
    .option('--unweighted', 'compare the unweighted estimates even when both waves are weighted')
    .option('--level <p>', 'confidence level', '0.95')
    .option('--charts <dir>', 'write a trend chart (SVG) per share or mean: waves on the x axis, a line per group, CIs as error bars');
  withExamples(withCommonOptions(cmd), [
    'survey compare data-samples/bazhou-2024/plan.yaml data-samples/bazhou-2025/plan.yaml',
    'survey compare reports/bazhou-2024/results.json reports/bazhou-2025/results.json --json   # 每行: difference, se, conf_low, conf_high, p_value',
    'survey compare w2023/plan.yaml w2024/plan.yaml w2025/plan.yaml --labels 2023年,2024年,2025年 --charts trends',
    'survey compare a.yaml b.yaml --same sat_food_safety=选项措辞调整，含义不变 --lang en',
  ]).action((waves: string[], options: CompareCliOptions) => run(waves, options, ctx));
}

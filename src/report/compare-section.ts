import type { Lang } from '../locale/lang.js';
import { describeCodebookChange, describeSettingChange, comparabilityReasons, type VariableNamer } from '../compare/comparability-reasons.js';
import type { ComparisonRow, WaveComparison, WavePair } from '../compare/compare-waves.js';
import { indicatorLabel, answersLabel } from '../compare/indicator-label.js';
import type { Codebook } from '../core/types.js';
import { groupWords, variableWords } from '../locale/variable-words.js';
import { termWords } from '../locale/term-words.js';
import { methodName } from '../locale/method-names.js';
import { ruleName } from '../locale/rule-names.js';
import type { TrendChart } from './charts/chart-spec.js';
import { formatFixed, formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

const pp = (x: number) => (100 * x).toFixed(1);

/**
 * A variable as the comparison's sentences name it: its short label (幸福感, 人均可支配收入), as
 * the wave's own findings do, not the question text the tables keep (indicatorLabel); without a codebook, its name.
 */
const words = (codebook: Codebook | null, name: string, lang: Lang) => (codebook ? variableWords(codebook, name, lang) : name);

/** The comparability reasons' namer in a report: a variable's words in quotes (“食品安全”), or its code without a codebook. */
const namer = (codebook: Codebook | null, lang: Lang): VariableNamer => (codebook ? (name) => (lang === 'zh' ? `“${words(codebook, name, lang)}”` : `"${words(codebook, name, lang)}"`) : (name) => name);

/**
 * A cleaning or weighting setting as a report names it: `speeder.median_fraction` → “答题时间过短”规则的
 * median_fraction, `targets.total` → 总体人数, `targets.area=城市` → 总体中“城乡”为“城市”的人数; in English, as is.
 */
const settingNamer = (codebook: Codebook | null, lang: Lang): VariableNamer => (setting) => {
  if (lang !== 'zh') return setting;
  if (setting === 'targets.total') return '总体人数';
  const target = /^targets\.([^=]+)=(.*)$/.exec(setting);
  if (target) return `总体中“${words(codebook, target[1], lang)}”为“${target[2]}”的人数`;
  const rule = /^([^.]+)\.(.+)$/.exec(setting);
  if (rule && !rule[1].startsWith('targets')) return `“${ruleName(rule[1], lang, codebook?.checks ?? [])}”规则的${rule[2]}`;
  return setting;
};

/** A number of a mean or model term at a sensible precision (incomes whole, scores to 2–3 decimals). */
function amount(x: number, statistic: string): string {
  if (statistic === 'coefficient' || statistic === 'alpha') return formatFixed(x, 3);
  return Math.abs(x) >= 100 ? formatFixed(x, 0) : formatFixed(x, 2);
}

/** An estimate as the comparison table shows it: shares as percentages. */
export function formatLevel(x: number, statistic: string): string {
  return statistic === 'share' ? formatPercent(x) : amount(x, statistic);
}

/** A change as the table shows it: percentage points for shares, units otherwise. */
export function formatChange(x: number, statistic: string): string {
  const text = statistic === 'share' ? pp(x) : amount(x, statistic);
  return x > 0 ? `+${text}` : text;
}

/** 显著 / 不显著 / 不可比 (significant / not significant / not comparable). */
export function verdict(row: ComparisonRow, lang: Lang): string {
  if (row.comparable === false) return lang === 'zh' ? '不可比' : 'not comparable';
  return row.significant ? (lang === 'zh' ? '显著' : 'significant') : lang === 'zh' ? '不显著' : 'not significant';
}

/** One change in words: 由…的51.6%上升到…的55.2%，上升3.6个百分点（95%置信区间：…，p …），差异显著. */
export function narrateChange(row: ComparisonRow, lang: Lang): string {
  const s = row.indicator.statistic;
  const up = row.difference >= 0;
  const size = s === 'share' ? pp(Math.abs(row.difference)) : amount(Math.abs(row.difference), s);
  const ci = s === 'share' ? `${pp(row.confLow)}至${pp(row.confHigh)}个百分点` : `${amount(row.confLow, s)}至${amount(row.confHigh, s)}`;
  if (lang === 'zh') {
    const unit = s === 'share' ? '个百分点' : '';
    return `由${row.from}的${formatLevel(row.earlier.estimate, s)}${up ? '上升' : '下降'}到${row.to}的${formatLevel(row.indicator.estimate, s)}，${up ? '上升' : '下降'}${size}${unit}（变化的95%置信区间：${ci}，p ${formatPClause(row.pValue)}），差异${row.significant ? '显著' : '不显著'}`;
  }
  const ciEn = s === 'share' ? `${pp(row.confLow)} to ${pp(row.confHigh)} points` : `${amount(row.confLow, s)} to ${amount(row.confHigh, s)}`;
  return `${up ? 'rose' : 'fell'} from ${formatLevel(row.earlier.estimate, s)} in ${row.from} to ${formatLevel(row.indicator.estimate, s)} in ${row.to}, ${up ? 'up' : 'down'} ${size}${s === 'share' ? ' percentage points' : ''} (95% CI of the change ${ciEn}, p ${formatPClause(row.pValue)}); the change is ${row.significant ? '' : 'not '}significant`;
}

function comparabilityParagraph(pair: WavePair, codebook: Codebook | null, lang: Lang): string {
  const zh = lang === 'zh';
  if (!pair.codebook) return zh ? `${pair.from}的码本不可得，未检查问卷的可比性。` : `No codebook for ${pair.from}: comparability was not checked.`;
  const changes = pair.codebook.map((c) => describeCodebookChange(c, lang, namer(codebook, lang)));
  const parts = [
    changes.length
      ? zh ? `与${pair.from}相比，问卷有以下变化：${changes.join('；')}。题目措辞或选项有变化的指标不作比较，除非计划说明其可比。` : `Changes to the questionnaire since ${pair.from}: ${changes.join('; ')}. Estimates whose wording or answers changed are not compared unless the plan states them comparable.`
      : zh ? `与${pair.from}相比，问卷题目和选项没有变化。` : `The questionnaire is unchanged since ${pair.from}.`,
  ];
  const setting = settingNamer(codebook, lang);
  const cleaning = (pair.cleaning ?? []).map((c) => describeSettingChange(c, lang, setting));
  const weighting = (pair.weighting ?? []).map((c) => describeSettingChange(c, lang, setting));
  if (cleaning.length) parts.push(zh ? `两次调查的清洗规则不同：${cleaning.join('；')}。` : `Cleaning differs: ${cleaning.join('; ')}.`);
  if (weighting.length) parts.push(zh ? `加权设置或总体目标不同：${weighting.join('；')}。` : `Weighting differs: ${weighting.join('; ')}.`);
  return parts.join(zh ? '' : ' ');
}

/** A crosstab's row shares: which answers changed significantly within which group (an answer's share of its row). */
function narrateCrosstab(rows: readonly ComparisonRow[], codebook: Codebook | null, lang: Lang): string {
  const zh = lang === 'zh';
  const ind = rows[0].indicator;
  const table = `${words(codebook, ind.by ?? '', lang)} × ${words(codebook, ind.variable ?? '', lang)}`;
  const usable = rows.filter((r) => r.comparable !== false);
  const changed = usable.filter((r) => r.significant);
  const each = changed.map((r) => zh
    ? `${r.indicator.level}回答“${r.indicator.values?.[0]}”的比例${r.difference >= 0 ? '上升' : '下降'}${pp(Math.abs(r.difference))}个百分点（95%置信区间：${pp(r.confLow)}至${pp(r.confHigh)}，p ${formatPClause(r.pValue)}）`
    : `"${r.indicator.values?.[0]}" in ${r.indicator.level} ${r.difference >= 0 ? 'up' : 'down'} ${pp(Math.abs(r.difference))} points (95% CI ${pp(r.confLow)} to ${pp(r.confHigh)}, p ${formatPClause(r.pValue)})`);
  if (usable.length < rows.length && !usable.length) return zh ? `交叉表“${table}”：${comparabilityReasons(rows[0], lang, namer(codebook, lang)).join('；')}，不作比较。` : `Crosstab "${table}": ${comparabilityReasons(rows[0], lang, namer(codebook, lang)).join('; ')}; not compared.`;
  return zh
    ? `交叉表“${table}”的${usable.length}个行内比例（不加权）中，与${rows[0].from}相比差异显著的有${changed.length}个${changed.length ? `：${each.join('；')}` : ''}。`
    : `Of the ${usable.length} row shares (unweighted) of the crosstab "${table}", ${changed.length} changed significantly since ${rows[0].from}${changed.length ? `: ${each.join('; ')}` : ''}.`;
}

function narrateAnalysis(rows: readonly ComparisonRow[], codebook: Codebook | null, lang: Lang): string {
  const zh = lang === 'zh';
  const overall = rows.filter((r) => r.indicator.level === 'all');
  const sep = zh ? '；' : '; ';
  if (rows[0].indicator.statistic === 'coefficient') {
    const changed = rows.filter((r) => r.comparable !== false && r.significant);
    const model = rows[0].indicator.model;
    // In Chinese the model by its outcome and kind (以“幸福感”为因变量的有序Logistic回归), its terms by their words; the formula is in 数据与方法.
    const outcome = words(codebook, (rows[0].indicator.formula ?? '').split('~')[0].trim(), lang);
    const term = (r: ComparisonRow) => (codebook ? `“${termWords(codebook, r.indicator.term ?? '', lang).name}”的` : r.indicator.term ?? '');
    const list = changed.map((r) => `${zh ? `${term(r)}系数` : `${r.indicator.term} `}${narrateChange(r, lang)}`);
    return zh
      ? `以“${outcome}”为因变量的${methodName('model', model ?? '', lang)}的${rows.length}个系数中，${changed.length ? `变化显著的有${changed.length}个：${list.join(sep)}` : '没有显著变化的'}。`
      : `Of the ${rows.length} coefficients of the ${model} model (${rows[0].indicator.formula}), ${changed.length ? `${changed.length} changed significantly: ${list.join(sep)}` : 'none changed significantly'}.`;
  }
  const q = (s: string) => (zh ? `“${s}”` : `"${s}"`);
  if (rows[0].indicator.command === 'crosstab') return narrateCrosstab(rows, codebook, lang);
  if (overall.length === 1) {
    const r = overall[0];
    const ind = r.indicator;
    // A scale by its group's label (生活各方面满意度), not its code name.
    const scale = ind.variable && codebook ? groupWords(codebook, ind.variable, lang) : ind.variable;
    const what = ind.statistic === 'share'
      ? zh ? `对${q(words(codebook, ind.variable ?? '', lang))}回答${q(answersLabel(codebook, ind, lang))}的比例` : `The share answering ${q(answersLabel(codebook, ind, lang))} to ${q(words(codebook, ind.variable ?? '', lang))}`
      : ind.statistic === 'alpha' ? (zh ? `${q(scale ?? '量表')}量表的Cronbach's α系数` : `Cronbach's α of the ${q(scale ?? 'scale')} scale`)
      : ind.statistic === 'mean' ? (zh ? `${q(words(codebook, ind.variable ?? '', lang))}的均值` : `The mean of ${q(words(codebook, ind.variable ?? '', lang))}`)
      : zh ? `${q(indicatorLabel(codebook, ind, lang))}的${ind.statistic}` : `The ${ind.statistic} of ${q(indicatorLabel(codebook, ind, lang))}`;
    if (r.comparable === false) return zh ? `${what}：${comparabilityReasons(r, lang, namer(codebook, lang)).join('；')}，不作比较。` : `${what}: ${comparabilityReasons(r, lang, namer(codebook, lang)).join('; ')}; not compared.`;
    const groups = rows.filter((g) => g.indicator.level !== 'all');
    const each = groups.map((g) => `${g.indicator.level}${zh ? '' : ' '}${zh ? (g.difference >= 0 ? '上升' : '下降') : g.difference >= 0 ? 'up' : 'down'}${ind.statistic === 'share' ? pp(Math.abs(g.difference)) : amount(Math.abs(g.difference), ind.statistic)}${ind.statistic === 'share' ? (zh ? '个百分点' : ' points') : ''}${zh ? `（${g.significant ? '显著' : '不显著'}）` : ` (${g.significant ? 'significant' : 'not significant'})`}`);
    const basis = r.basis === 'weighted' ? (zh ? '（加权）' : ' (weighted)') : '';
    const unit = ind.statistic === 'share' ? '' : codebook?.variables.find((v) => v.name === ind.variable)?.unit ?? '';
    return zh
      ? `${what}${basis}${narrateChange(r, lang).replace(/(上升|下降)([\d.]+)（/, `$1$2${unit}（`)}。${each.length ? `分组看，${each.join('，')}。` : ''}`
      : `${what}${basis} ${narrateChange(r, lang)}.${each.length ? ` By group: ${each.join(', ')}.` : ''}`;
  }
  // A grid of items: name the items that changed significantly, those that did not, those not comparable.
  const changed = overall.filter((r) => r.comparable !== false && r.significant);
  const steady = overall.filter((r) => r.comparable !== false && !r.significant);
  const broken = overall.filter((r) => r.comparable === false);
  const name = (r: ComparisonRow) => q(words(codebook, r.indicator.variable ?? '', lang));
  const answers = answersLabel(codebook, overall[0].indicator, lang);
  const moved = changed.map((r) => `${name(r)}${zh ? (r.difference >= 0 ? '上升' : '下降') : r.difference >= 0 ? ' up ' : ' down '}${formatChange(Math.abs(r.difference), r.indicator.statistic).replace(/^\+/, '')}${r.indicator.statistic === 'share' ? (zh ? '个百分点' : ' points') : ''}${zh ? `（95%置信区间：${pp(r.confLow)}至${pp(r.confHigh)}，p ${formatPClause(r.pValue)}）` : ` (95% CI ${pp(r.confLow)} to ${pp(r.confHigh)}, p ${formatPClause(r.pValue)})`}`);
  return zh
    ? `${overall.length}个题项回答${q(answers)}的比例中，与${overall[0].from}相比差异显著的有${changed.length}项${changed.length ? `：${moved.join('；')}` : ''}；差异不显著的有${steady.length}项${broken.length ? `；不可比、未作比较的有${broken.length}项：${broken.map((r) => `${name(r)}（${comparabilityReasons(r, lang, namer(codebook, lang)).join('；')}）`).join('、')}` : ''}。`
    : `Of ${overall.length} items (share answering ${q(answers)}), ${changed.length} changed significantly since ${overall[0].from}${changed.length ? `: ${moved.join('; ')}` : ''}; ${steady.length} did not${broken.length ? `; ${broken.length} are not comparable: ${broken.map((r) => `${name(r)} (${comparabilityReasons(r, lang, namer(codebook, lang)).join('; ')})`).join(', ')}` : ''}.`;
}

/** The trend of each share or mean over the waves: one chart per analysis and variable, waves on the x axis, a line per group, CIs as error bars. */
export function trendCharts(comparison: WaveComparison, codebook: Codebook | null, lang: Lang, id: string): ReportBlock[] {
  const byAnalysis = new Map<string, typeof comparison.trends[number][]>();
  for (const t of comparison.trends) {
    // Shares and means: a quantile's probabilities or a model's terms are not groups of one line chart.
    if (t.indicator.statistic !== 'share' && t.indicator.statistic !== 'mean') continue;
    const k = `${t.indicator.analysis}|${t.indicator.variable}`;
    byAnalysis.set(k, [...(byAnalysis.get(k) ?? []), t]);
  }
  const charts: ReportBlock[] = [];
  for (const series of byAnalysis.values()) {
    const ind = series[0].indicator;
    const share = ind.statistic === 'share';
    const chart: TrendChart = {
      type: 'trend',
      // A question ending in ？ gets no second punctuation mark before the suffix.
      title: lang === 'zh' ? `${indicatorLabel(codebook, ind, lang).replace(/[？?：:。]$/, '')}：历次调查` : `${indicatorLabel(codebook, ind, lang).replace(/[?:.]$/, '')}: all waves`,
      waves: comparison.waves.map((w) => w.label),
      series: series.map((t) => ({
        name: series.length > 1 ? (t.indicator.level === 'all' ? (lang === 'zh' ? '全体' : 'All') : t.indicator.level) : '',
        values: t.points.map((p) => p.estimate),
        low: t.points.map((p) => p.confLow),
        high: t.points.map((p) => p.confHigh),
      })),
      axisLabel: share ? (lang === 'zh' ? '比例 (%)' : 'Share (%)') : lang === 'zh' ? '均值' : 'Mean',
      percent: share,
    };
    charts.push({ kind: 'chart', id: `${id}-${String(charts.length + 1).padStart(2, '0')}`, chart });
  }
  return charts;
}

/**
 * The 与上年比较 section: what differs in the questionnaire, cleaning and weighting since the last
 * wave; each share and mean in words (上升/下降 … 个百分点, 差异显著/不显著, with the interval);
 * the model terms that changed; a table of every change; and, with three or more waves, a trend
 * chart per share or mean (`id` names the charts). Only the last two waves are compared here.
 */
export function compareSection(comparison: WaveComparison, codebook: Codebook | null, lang: Lang, options: { id: string }): ReportBlock[] {
  const pair = comparison.pairs[comparison.pairs.length - 1];
  const zh = lang === 'zh';
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: comparabilityParagraph(pair, codebook, lang) }];
  const byAnalysis = new Map<number, ComparisonRow[]>();
  for (const r of pair.rows) byAnalysis.set(r.indicator.analysis, [...(byAnalysis.get(r.indicator.analysis) ?? []), r]);
  for (const rows of byAnalysis.values()) blocks.push({ kind: 'paragraph', text: narrateAnalysis(rows, codebook, lang) });
  const head = (what: string) => [what, zh ? '组别' : 'Group', pair.from, pair.to, zh ? '变化' : 'Change', zh ? '95%置信区间' : '95% CI', 'p', zh ? '结论' : 'Verdict'];
  const cells = (r: ComparisonRow, first: string) => {
    const s = r.indicator.statistic;
    return [first, r.indicator.level === 'all' ? (zh ? '全体' : 'All') : r.indicator.level, formatLevel(r.earlier.estimate, s), formatLevel(r.indicator.estimate, s), formatChange(r.difference, s), `${formatChange(r.confLow, s)}～${formatChange(r.confHigh, s)}`, formatPClause(r.pValue).replace(/^= /, ''), verdict(r, lang)];
  };
  const estimates = pair.rows.filter((r) => r.indicator.statistic !== 'coefficient');
  const terms = pair.rows.filter((r) => r.indicator.statistic === 'coefficient');
  const basis = pair.rows.some((r) => r.basis === 'weighted') ? (zh ? '比例和均值为加权估计；' : 'shares and means weighted; ') : '';
  const method = zh
    ? `注：${basis}变化 = ${pair.to} − ${pair.from}，比例的变化单位为百分点。两次调查为独立样本，变化的标准误为两次估计标准误的平方和的平方根（加权估计用正态检验，与R svycontrast一致；不加权比例用prop.test，不加权均值用Welch t检验）。`
    : `Note: ${basis}change = ${pair.to} − ${pair.from}, in percentage points for shares. The waves are independent samples: SE of the change = √(SE₁² + SE₂²) (normal test for design-based estimates, as R svycontrast; prop.test for unweighted shares, Welch's t test for unweighted means).`;
  if (estimates.length) blocks.push(tableBlock(zh ? `主要指标与${pair.from}比较` : `Estimates compared with ${pair.from}`, head(zh ? '指标' : 'Indicator'), estimates.map((r) => cells(r, indicatorLabel(codebook, r.indicator, lang))), { align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'], notes: [method] }));
  // The terms table has no group column.
  const termHead = head(zh ? '模型：项' : 'Model: term');
  if (terms.length) blocks.push(tableBlock(zh ? `模型系数与${pair.from}比较` : `Model coefficients compared with ${pair.from}`, [termHead[0], ...termHead.slice(2)], terms.map((r) => cells(r, indicatorLabel(codebook, r.indicator, lang))).map((c) => [c[0], ...c.slice(2)]), { align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'] }));
  if (comparison.waves.length >= 3) blocks.push(...trendCharts(comparison, codebook, lang, options.id));
  return blocks;
}

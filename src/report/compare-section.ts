import type { Lang } from '../locale/lang.js';
import { describeCodebookChange, describeSettingChange, comparabilityReasons, type VariableNamer } from '../compare/comparability-reasons.js';
import type { ComparisonRow, WaveComparison, WavePair } from '../compare/compare-waves.js';
import { indicatorLabel, answersLabel } from '../compare/indicator-label.js';
import type { Codebook } from '../core/types.js';
import { groupWords, variableWords } from '../locale/variable-words.js';
import { termWords } from '../locale/term-words.js';
import { methodName } from '../locale/method-names.js';
import { ruleName } from '../locale/rule-names.js';
import { compareWords, type ListedChange } from '../locale/compare-words.js';
import { marks } from '../locale/report-marks.js';
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
const namer = (codebook: Codebook | null, lang: Lang): VariableNamer => (codebook ? (name) => marks(lang).quote(words(codebook, name, lang)) : (name) => name);

/**
 * A cleaning or weighting setting as a report names it: `speeder.median_fraction` → “答题时间过短”规则的
 * median_fraction, `targets.total` → 总体人数, `targets.area=城市` → 总体中“城乡”为“城市”的人数; in English, as is.
 */
const settingNamer = (codebook: Codebook | null, lang: Lang): VariableNamer => (setting) =>
  compareWords(lang).setting(setting, { variable: (name) => words(codebook, name, lang), rule: (rule) => ruleName(rule, lang, codebook?.checks ?? []) });

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
  const w = compareWords(lang);
  if (row.comparable === false) return w.notComparable;
  return row.significant ? w.significant : w.notSignificant;
}

/** A change's size at the table's precision: percentage points of a share, units otherwise. */
const size = (x: number, statistic: string) => (statistic === 'share' ? pp(x) : amount(x, statistic));

/** A row's change inside a list: who changed, by how much, with its interval and p (all in percentage points for a share). */
function listed(row: ComparisonRow, name: string): ListedChange {
  const s = row.indicator.statistic;
  return { name, up: row.difference >= 0, size: size(Math.abs(row.difference), s), share: s === 'share', low: pp(row.confLow), high: pp(row.confHigh), p: formatPClause(row.pValue), significant: row.significant };
}

/** One change in words: 由…的51.6%上升到…的55.2%，上升3.6个百分点（95%置信区间：…，p …），差异显著; a mean's `unit` follows its size in Chinese. */
export function narrateChange(row: ComparisonRow, lang: Lang, unit = ''): string {
  const s = row.indicator.statistic;
  return compareWords(lang).change({
    from: row.from, to: row.to, earlier: formatLevel(row.earlier.estimate, s), later: formatLevel(row.indicator.estimate, s),
    up: row.difference >= 0, size: size(Math.abs(row.difference), s), share: s === 'share', unit,
    low: size(row.confLow, s), high: size(row.confHigh, s), p: formatPClause(row.pValue), significant: row.significant,
  });
}

function comparabilityParagraph(pair: WavePair, codebook: Codebook | null, lang: Lang): string {
  const w = compareWords(lang);
  if (!pair.codebook) return w.noCodebookFor(pair.from);
  const changes = pair.codebook.map((c) => describeCodebookChange(c, lang, namer(codebook, lang)));
  const parts = [changes.length ? w.questionnaireChanged(pair.from, changes) : w.questionnaireUnchanged(pair.from)];
  const setting = settingNamer(codebook, lang);
  const cleaning = (pair.cleaning ?? []).map((c) => describeSettingChange(c, lang, setting));
  const weighting = (pair.weighting ?? []).map((c) => describeSettingChange(c, lang, setting));
  if (cleaning.length) parts.push(w.cleaningDiffers(cleaning));
  if (weighting.length) parts.push(w.weightingDiffers(weighting));
  return marks(lang).paragraph(parts);
}

/** A crosstab's row shares: which answers changed significantly within which group (an answer's share of its row). */
function narrateCrosstab(rows: readonly ComparisonRow[], codebook: Codebook | null, lang: Lang): string {
  const w = compareWords(lang);
  const ind = rows[0].indicator;
  const table = `${words(codebook, ind.by ?? '', lang)} × ${words(codebook, ind.variable ?? '', lang)}`;
  const usable = rows.filter((r) => r.comparable !== false);
  const changed = usable.filter((r) => r.significant);
  const each = changed.map((r) => w.crosstabCell({ ...listed(r, r.indicator.level), size: pp(Math.abs(r.difference)), answer: `${r.indicator.values?.[0]}` }));
  if (usable.length < rows.length && !usable.length) return w.notCompared(w.crosstabName(table), comparabilityReasons(rows[0], lang, namer(codebook, lang)));
  return w.crosstabSummary(table, usable.length, rows[0].from, each);
}

function narrateAnalysis(rows: readonly ComparisonRow[], codebook: Codebook | null, lang: Lang): string {
  const w = compareWords(lang);
  const { quote: q } = marks(lang);
  const overall = rows.filter((r) => r.indicator.level === 'all');
  if (rows[0].indicator.statistic === 'coefficient') {
    const changed = rows.filter((r) => r.comparable !== false && r.significant);
    const model = rows[0].indicator.model;
    // In Chinese the model by its outcome and kind (以“幸福感”为因变量的有序Logistic回归), its terms by their words; the formula is in 数据与方法.
    const outcome = words(codebook, (rows[0].indicator.formula ?? '').split('~')[0].trim(), lang);
    const list = changed.map((r) => w.termChange(r.indicator.term ?? '', codebook ? termWords(codebook, r.indicator.term ?? '', lang).name : null, narrateChange(r, lang)));
    return w.modelSummary({ outcome, modelName: methodName('model', model ?? '', lang), model, formula: rows[0].indicator.formula, terms: rows.length, changed: list });
  }
  if (rows[0].indicator.command === 'crosstab') return narrateCrosstab(rows, codebook, lang);
  if (overall.length === 1) {
    const r = overall[0];
    const ind = r.indicator;
    // A scale by its group's label (生活各方面满意度), not its code name.
    const scale = ind.variable && codebook ? groupWords(codebook, ind.variable, lang) : ind.variable;
    const what = ind.statistic === 'share'
      ? w.shareOf(words(codebook, ind.variable ?? '', lang), answersLabel(codebook, ind, lang))
      : ind.statistic === 'alpha' ? w.alphaOf(scale)
      : ind.statistic === 'mean' ? w.meanOf(words(codebook, ind.variable ?? '', lang))
      : w.statisticOf(indicatorLabel(codebook, ind, lang), ind.statistic);
    if (r.comparable === false) return w.notCompared(what, comparabilityReasons(r, lang, namer(codebook, lang)));
    const groups = rows.filter((g) => g.indicator.level !== 'all');
    const each = groups.map((g) => w.groupChange(listed(g, g.indicator.level)));
    const basis = r.basis === 'weighted' ? w.weightedAside : '';
    const unit = ind.statistic === 'share' ? '' : codebook?.variables.find((v) => v.name === ind.variable)?.unit ?? '';
    return w.overall(what, basis, narrateChange(r, lang, unit), each);
  }
  // A grid of items: name the items that changed significantly, those that did not, those not comparable.
  const changed = overall.filter((r) => r.comparable !== false && r.significant);
  const steady = overall.filter((r) => r.comparable !== false && !r.significant);
  const broken = overall.filter((r) => r.comparable === false);
  const name = (r: ComparisonRow) => q(words(codebook, r.indicator.variable ?? '', lang));
  const moved = changed.map((r) => w.itemChange({ ...listed(r, name(r)), size: formatChange(Math.abs(r.difference), r.indicator.statistic).replace(/^\+/, '') }));
  return w.gridSummary({
    items: overall.length, answers: answersLabel(codebook, overall[0].indicator, lang), from: overall[0].from, changed: moved, steady: steady.length,
    broken: broken.map((r) => w.notComparableItem(name(r), comparabilityReasons(r, lang, namer(codebook, lang)))),
  });
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
  const w = compareWords(lang);
  const charts: ReportBlock[] = [];
  for (const series of byAnalysis.values()) {
    const ind = series[0].indicator;
    const share = ind.statistic === 'share';
    const chart: TrendChart = {
      type: 'trend',
      title: w.trendTitle(indicatorLabel(codebook, ind, lang)),
      waves: comparison.waves.map((w) => w.label),
      series: series.map((t) => ({
        name: series.length > 1 ? (t.indicator.level === 'all' ? w.allGroups : t.indicator.level) : '',
        values: t.points.map((p) => p.estimate),
        low: t.points.map((p) => p.confLow),
        high: t.points.map((p) => p.confHigh),
      })),
      axisLabel: share ? w.shareAxis : w.meanAxis,
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
  const w = compareWords(lang);
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: comparabilityParagraph(pair, codebook, lang) }];
  const byAnalysis = new Map<number, ComparisonRow[]>();
  for (const r of pair.rows) byAnalysis.set(r.indicator.analysis, [...(byAnalysis.get(r.indicator.analysis) ?? []), r]);
  for (const rows of byAnalysis.values()) blocks.push({ kind: 'paragraph', text: narrateAnalysis(rows, codebook, lang) });
  const head = (what: string) => [what, w.group, pair.from, pair.to, w.changeHead, w.ci, 'p', w.verdict];
  const cells = (r: ComparisonRow, first: string) => {
    const s = r.indicator.statistic;
    return [first, r.indicator.level === 'all' ? w.allGroups : r.indicator.level, formatLevel(r.earlier.estimate, s), formatLevel(r.indicator.estimate, s), formatChange(r.difference, s), `${formatChange(r.confLow, s)}～${formatChange(r.confHigh, s)}`, formatPClause(r.pValue).replace(/^= /, ''), verdict(r, lang)];
  };
  const estimates = pair.rows.filter((r) => r.indicator.statistic !== 'coefficient');
  const terms = pair.rows.filter((r) => r.indicator.statistic === 'coefficient');
  const basis = pair.rows.some((r) => r.basis === 'weighted') ? w.weightedBasis : '';
  const method = w.method(basis, pair.from, pair.to);
  if (estimates.length) blocks.push(tableBlock(w.estimatesTitle(pair.from), head(w.indicator), estimates.map((r) => cells(r, indicatorLabel(codebook, r.indicator, lang))), { align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'], notes: [method] }));
  // The terms table has no group column.
  const termHead = head(w.modelTerm);
  if (terms.length) blocks.push(tableBlock(w.termsTitle(pair.from), [termHead[0], ...termHead.slice(2)], terms.map((r) => cells(r, indicatorLabel(codebook, r.indicator, lang))).map((c) => [c[0], ...c.slice(2)]), { align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'] }));
  if (comparison.waves.length >= 3) blocks.push(...trendCharts(comparison, codebook, lang, options.id));
  return blocks;
}

import type { MultiResult } from '../analyze/estimators/estimate-multi.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import type { BarChart } from './charts/chart-spec.js';
import { formatFixed, formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/** The words of a 多选题 section. */
export const MULTI_TEXT = {
  zh: { heading: '多选题', responses: '响应数', ofResponses: '响应百分比', ofCases: '个案百分比', total: '合计', weightedOfCases: '加权个案百分比', test: '检验', pearson: 'χ²', raoScott: 'Rao-Scott F' },
  en: { heading: 'Multiple response', responses: 'Responses', ofResponses: '% of responses', ofCases: '% of cases', total: 'Total', weightedOfCases: 'Weighted % of cases', test: 'Test', pearson: 'χ²', raoScott: 'Rao-Scott F' },
} as const;

const orNull = (x: number) => (Number.isNaN(x) ? null : x);
const interval = (low: number, high: number) => `${formatPercent(low)}–${formatPercent(high)}`;

/** The narrative: most and least chosen options, choices per respondent, and options that differ by group (p < 0.05). */
export function narrateMulti(r: MultiResult, lang: Lang, weighted?: MultiResult): string {
  const all = r.groups[0];
  const order = all.options.map((_, k) => k).sort((a, b) => all.options[b].percentOfCases - all.options[a].percentOfCases);
  const q = (s: string) => (lang === 'zh' ? `“${s}”` : `"${s}"`);
  const paren = (x: number) => (lang === 'zh' ? `（${formatPercent(x)}）` : ` (${formatPercent(x)})`);
  const top = order.slice(0, 3).map((k) => `${q(all.options[k].label)}${paren(all.options[k].percentOfCases)}`);
  const bottom = all.options[order[order.length - 1]];
  const perCase = all.responses / all.weightedN;
  const significant = r.tests.filter((t) => t.pValue < 0.05).map((t) => t.label);
  const w = weighted?.groups[0];
  const wTop = w ? w.options.map((_, k) => k).sort((a, b) => w.options[b].percentOfCases - w.options[a].percentOfCases)[0] : -1;
  if (lang === 'zh') {
    return [
      `“${r.label}”为多选题，回答的${all.n}人共选择${formatFixed(all.responses, 0)}项，人均${formatFixed(perCase, 1)}项。`,
      `选择比例（个案百分比）最高的是${top.join('、')}，最低的是${q(bottom.label)}（${formatPercent(bottom.percentOfCases)}）。`,
      w ? `按总体结构加权后，选择比例最高的是${q(w.options[wTop].label)}（${formatPercent(w.options[wTop].percentOfCases)}）。` : '',
      r.by ? `按“${r.byLabel}”分组逐项检验，选择比例在0.05水平上差异显著的选项有${significant.length}项${significant.length ? `：${significant.map(q).join('、')}` : ''}。` : '',
    ].join('');
  }
  return [
    `"${r.label}" is a multiple-response question: the ${all.n} respondents answering it chose ${formatFixed(all.responses, 0)} options, ${formatFixed(perCase, 1)} each on average.`,
    ` The most chosen: ${top.join(', ')}; the least: ${q(bottom.label)} (${formatPercent(bottom.percentOfCases)}).`,
    w ? ` Weighted to the population, the most chosen is ${q(w.options[wTop].label)} (${formatPercent(w.options[wTop].percentOfCases)}).` : '',
    r.by ? ` Tested option by option against ${r.byLabel}, ${significant.length} option${significant.length === 1 ? '' : 's'} differ${significant.length === 1 ? 's' : ''} at the 0.05 level${significant.length ? ` (${significant.map(q).join(', ')})` : ''}.` : '',
  ].join('');
}

/**
 * A 多选题 section: a heading, the narrative, the multiple-response table (responses, % of
 * responses, % of cases with interval; weighted % of cases beside when the plan weights), the
 * table by group with a test per option, and a chart of % of cases (by group when `by` is given).
 */
export function multiSection(r: MultiResult, lang: Lang, options: { title?: string; weighted?: MultiResult; id: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const m = MULTI_TEXT[lang];
  const w = options.weighted;
  const all = r.groups[0];
  const title = options.title ?? (lang === 'zh' ? `${r.label}（多选题）` : `${r.label} (multiple response)`);
  const rows = all.options.map((o, k) => {
    const v = w?.groups[0].options[k];
    return [o.label, formatFixed(o.count, 0), formatPercent(o.percentOfResponses), formatPercent(o.percentOfCases), interval(o.confLow, o.confHigh), ...(v ? [formatPercent(v.percentOfCases), interval(v.confLow, v.confHigh)] : [])];
  });
  rows.push([m.total, formatFixed(all.responses, 0), '100.0%', formatPercent(all.responses / all.weightedN), '', ...(w ? ['', ''] : [])]);
  const columns = [t.answer, m.responses, m.ofResponses, m.ofCases, t.ci, ...(w ? [m.weightedOfCases, t.weightedCi] : [])];
  const note = lang === 'zh'
    ? `回答人数 ${all.n}${all.none ? `（其中未选任何选项 ${formatFixed(all.none, 0)}）` : ''}；个案百分比之和可超过100%；置信区间：${methodName('interval', r.ciMethod, lang)}${w ? `，加权：${methodName('interval', w.ciMethod, lang)}` : ''}`
    : `n answering ${all.n}${all.none ? ` (${formatFixed(all.none, 0)} chose none)` : ''}; % of cases may sum to over 100%; interval: ${methodName('interval', r.ciMethod, lang)}${w ? `, weighted: ${methodName('interval', w.ciMethod, lang)}` : ''}`;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: lang === 'zh' ? `${m.heading}：${r.label}` : `${m.heading}: ${r.label}` },
    { kind: 'paragraph', text: narrateMulti(r, lang, w) },
    tableBlock(title, columns, rows, { notes: [note] }),
  ];
  const groups = r.groups.slice(1);
  if (groups.length) {
    const tests = new Map(r.tests.map((x) => [String(x.code), x]));
    const testName = r.tests[0]?.test === 'rao-scott' ? m.raoScott : m.pearson;
    const byRows = all.options.map((o, k) => {
      const x = tests.get(String(o.code));
      return [o.label, ...groups.map((g) => formatPercent(g.options[k].percentOfCases)), x ? formatFixed(x.statistic, 2) : '', x ? formatPClause(x.pValue).replace(/^= /, '') : ''];
    });
    byRows.push([t.n, ...groups.map((g) => String(g.n)), '', '']);
    const byNote = lang === 'zh'
      ? `个案百分比；每个选项单独检验选择比例与“${r.byLabel}”是否独立（${methodName('test', r.tests[0]?.test ?? 'pearson', lang)}），未作多重比较校正`
      : `% of cases; each option tested for independence of ${r.byLabel} (${methodName('test', r.tests[0]?.test ?? 'pearson', lang)}), without a multiple-comparison correction`;
    blocks.push(tableBlock(lang === 'zh' ? `${r.label}：按${r.byLabel}` : `${r.label} by ${r.byLabel}`, [t.answer, ...groups.map((g) => g.level), testName, 'p'], byRows, { notes: [byNote] }));
  }
  // The chart shows what the tables show first: the sample's % of cases (by group when given).
  const charted = r;
  const order = all.options.map((_, k) => k).sort((a, b) => all.options[b].percentOfCases - all.options[a].percentOfCases);
  const series = (groups.length ? charted.groups.slice(1) : [charted.groups[0]]).map((g) => ({
    name: groups.length ? g.level : '',
    values: order.map((k) => orNull(g.options[k].percentOfCases)),
    low: order.map((k) => orNull(g.options[k].confLow)),
    high: order.map((k) => orNull(g.options[k].confHigh)),
  }));
  const chart: BarChart = { type: 'bars', title, categories: order.map((k) => all.options[k].label), series, axisLabel: `${m.ofCases} (%)`, percent: true };
  blocks.push({ kind: 'chart', id: options.id, chart });
  return blocks;
}

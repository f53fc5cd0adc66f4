import type { SharesResult } from '../analyze/estimators/estimate-shares.js';
import { differenceWords } from '../locale/difference-words.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import type { BarChart } from './charts/chart-spec.js';
import { formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const pp = (x: number) => (100 * x).toFixed(1);
const interval = (low: number, high: number) => `${formatPercent(low)}–${formatPercent(high)}`;

function answersOf(r: SharesResult, lang: Lang): string {
  return r.valueLabels.map((l) => (lang === 'zh' ? `“${l}”` : `"${l}"`)).join(lang === 'zh' ? '和' : ' or ');
}

/** The two-group difference in words, its interval in the same direction, and whether it is significant at 0.05. */
function narrateDifference(r: SharesResult, lang: Lang): string {
  const d = r.difference;
  if (!d) return '';
  const significant = d.pValue < 0.05;
  const { claim, interval: ci } = differenceWords(d, lang, pp, lang === 'zh' ? '个百分点' : 'percentage points');
  return lang === 'zh'
    ? `${claim}（${ci}，p ${formatPClause(d.pValue)}），${significant ? '差异在0.05水平上显著' : '差异在0.05水平上不显著'}。`
    : `${claim} (${ci}, p ${formatPClause(d.pValue)}); ${significant ? 'the difference is significant at the 0.05 level' : 'the difference is not significant at the 0.05 level'}.`;
}

/**
 * The narrative of a share, every number from the result: the overall share with its interval,
 * then each group, and whether the two groups differ significantly (p < 0.05) — nothing more.
 * With `weighted`, the share weighted to the population follows, with its interval. The question is
 * named by `name` (its short label: 对“幸福感”回答…), else by its label (the question text).
 */
export function narrateShares(r: SharesResult, lang: Lang, weighted?: SharesResult, name: string = r.label): string {
  const [all, ...groups] = r.groups;
  const parts =
    lang === 'zh'
      ? [`调查结果显示：对“${name}”回答${answersOf(r, lang)}的，占有效样本（${all.n}人）的${formatPercent(all.share)}（95%置信区间：${interval(all.confLow, all.confHigh)}）。`]
      : [`Of the ${all.n} valid answers to "${name}", ${formatPercent(all.share)} were ${answersOf(r, lang)} (95% CI ${interval(all.confLow, all.confHigh)}).`];
  const w = weighted?.groups[0];
  if (w) {
    parts.push(
      lang === 'zh'
        ? `按总体结构加权后，这一比例为${formatPercent(w.share)}（95%置信区间：${interval(w.confLow, w.confHigh)}）。`
        : `Weighted to the population, the share is ${formatPercent(w.share)} (95% CI ${interval(w.confLow, w.confHigh)}).`,
    );
  }
  if (groups.length) {
    const each = groups.map((g) => `${g.level}${lang === 'zh' ? '为' : ' '}${formatPercent(g.share)}`).join(lang === 'zh' ? '，' : ', ');
    parts.push(lang === 'zh' ? `分组看，${each}。` : `By group: ${each}.`);
  }
  const difference = narrateDifference(r, lang);
  if (difference) parts.push(difference);
  return parts.join(lang === 'zh' ? '' : ' ');
}

function shareTitle(r: SharesResult, lang: Lang): string {
  return lang === 'zh' ? `${r.label}（${r.valueLabels.join(' / ')}）` : `${r.label} (${r.valueLabels.join(' / ')})`;
}

function methodNote(r: SharesResult, weighted: SharesResult | undefined, lang: Lang): string {
  const interval = methodName('interval', r.ciMethod, lang);
  const w = weighted ? (lang === 'zh' ? `；加权：${methodName('interval', weighted.ciMethod, lang)}（线性化标准误）` : `; weighted: ${methodName('interval', weighted.ciMethod, lang)} (linearization SE)`) : '';
  return lang === 'zh' ? `置信区间：${interval}${w}` : `Interval: ${interval}${w}`;
}

/**
 * A share analysis as a table (one row per group; with `weighted`, the weighted share and interval
 * beside the unweighted), its narrative and a chart of the groups (`id` names the chart); `name`
 * is how the narrative names the question (see narrateShares).
 */
export function sharesSection(r: SharesResult, lang: Lang, options: { title?: string; weighted?: SharesResult; id: string; name?: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = options.weighted;
  const rows = r.groups.map((g, k) => {
    const cells = [g.by === null ? t.all : g.level, String(g.n), String(g.count), formatPercent(g.share), interval(g.confLow, g.confHigh)];
    const v = w?.groups[k];
    return v ? [...cells, formatPercent(v.share), interval(v.confLow, v.confHigh)] : cells;
  });
  const columns = [t.group, t.n, t.count, t.share, t.ci, ...(w ? [t.weightedShare, t.weightedCi] : [])];
  const title = options.title ?? shareTitle(r, lang);
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: narrateShares(r, lang, w, options.name) },
    tableBlock(title, columns, rows, { notes: [methodNote(r, w, lang)] }),
  ];
  if (r.groups.length > 1) {
    const series = [{ name: w ? t.unweighted : t.share, groups: r }, ...(w ? [{ name: t.weighted, groups: w }] : [])];
    const chart: BarChart = {
      type: 'bars',
      title,
      categories: r.groups.map((g) => (g.by === null ? t.all : g.level)),
      series: series.map((s) => ({
        name: w ? s.name : '',
        values: s.groups.groups.map((g) => g.share),
        low: s.groups.groups.map((g) => g.confLow),
        high: s.groups.groups.map((g) => g.confHigh),
      })),
      axisLabel: `${t.share} (%)`,
      percent: true,
    };
    blocks.push({ kind: 'chart', id: options.id, chart });
  }
  return blocks;
}

/**
 * Several items with the same answers counted (a grid: satisfaction with each domain) as one
 * table — a row per item, sorted by the overall share — with a chart by group and a narrative
 * naming the highest and lowest items and the items whose two groups differ significantly.
 */
export function sharesGridSection(results: readonly SharesResult[], lang: Lang, options: { title?: string; weighted?: readonly SharesResult[]; id: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const order = results.map((r, k) => k).sort((a, b) => (results[b].groups[0].share || 0) - (results[a].groups[0].share || 0));
  const first = results[0];
  const levels = first.groups.slice(1).map((g) => g.level);
  const weighted = options.weighted;
  const rows = order.map((k) => {
    const r = results[k];
    const [all, ...groups] = r.groups;
    const d = r.difference;
    const w = weighted?.[k].groups[0];
    return [
      r.label,
      String(all.n),
      formatPercent(all.share),
      interval(all.confLow, all.confHigh),
      ...levels.map((level) => formatPercent(groups.find((g) => g.level === level)?.share ?? Number.NaN)),
      ...(d ? [pp(d.estimate), formatPClause(d.pValue).replace(/^= /, '')] : []),
      ...(w ? [formatPercent(w.share), interval(w.confLow, w.confHigh)] : []),
    ];
  });
  const d = first.difference;
  const columns = [t.item, t.n, t.all, t.ci, ...levels, ...(d ? [lang === 'zh' ? `${d.first}−${d.second}（百分点）` : `${d.first} − ${d.second} (pp)`, 'p'] : []), ...(weighted ? [t.weightedShare, t.weightedCi] : [])];
  const answers = first.valueLabels.join(' / ');
  const title = options.title ?? (lang === 'zh' ? `各项回答“${answers}”的比例` : `Share answering "${answers}", by item`);
  const top = results[order[0]];
  const bottom = results[order[order.length - 1]];
  const significant = order.filter((k) => (results[k].difference?.pValue ?? 1) < 0.05).map((k) => results[k].label);
  const notSignificant = order.filter((k) => results[k].difference && !(results[k].difference!.pValue < 0.05)).map((k) => results[k].label);
  const q = (s: string) => (lang === 'zh' ? `“${s}”` : `"${s}"`);
  const text =
    lang === 'zh'
      ? `${results.length}个题项中，回答“${answers}”的比例最高的是${q(top.label)}（${formatPercent(top.groups[0].share)}），最低的是${q(bottom.label)}（${formatPercent(bottom.groups[0].share)}）。` +
        (d ? `${d.first}与${d.second}的差异在0.05水平上显著的有${significant.length}项${significant.length ? `：${significant.map(q).join('、')}` : ''}；不显著的有${notSignificant.length}项${notSignificant.length ? `：${notSignificant.map(q).join('、')}` : ''}。` : '')
      : `Of ${results.length} items, the share answering "${answers}" is highest for ${q(top.label)} (${formatPercent(top.groups[0].share)}) and lowest for ${q(bottom.label)} (${formatPercent(bottom.groups[0].share)}).` +
        (d ? ` ${d.first} and ${d.second} differ significantly at the 0.05 level on ${significant.length} item${significant.length === 1 ? '' : 's'}${significant.length ? ` (${significant.map(q).join(', ')})` : ''} and not on ${notSignificant.length}${notSignificant.length ? ` (${notSignificant.map(q).join(', ')})` : ''}.` : '');
  const charted = weighted ?? results;
  const seriesLevels = levels.length ? levels : [t.all];
  const chart: BarChart = {
    type: 'bars',
    title,
    categories: order.map((k) => results[k].label),
    series: seriesLevels.map((level) => {
      const pick = (k: number) => (levels.length ? charted[k].groups.find((g) => g.level === level) : charted[k].groups[0]);
      return {
        name: levels.length ? level : '',
        values: order.map((k) => pick(k)?.share ?? null),
        low: order.map((k) => pick(k)?.confLow ?? null),
        high: order.map((k) => pick(k)?.confHigh ?? null),
      };
    }),
    axisLabel: `${t.share} (%)`,
    percent: true,
  };
  const note = methodNote(first, weighted?.[0], lang) + (d ? (lang === 'zh' ? `；p为${d.first}与${d.second}比例之差的检验` : `; p tests the ${d.first} − ${d.second} difference`) : '');
  return [{ kind: 'paragraph', text }, tableBlock(title, columns, rows, { notes: [note] }), { kind: 'chart', id: options.id, chart }];
}

import type { SharesResult } from '../analyze/estimators/estimate-shares.js';
import { differenceWords } from '../locale/difference-words.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { marks } from '../locale/report-marks.js';
import { sharesWords } from '../locale/shares-words.js';
import type { BarChart } from './charts/chart-spec.js';
import { formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const pp = (x: number) => (100 * x).toFixed(1);
const interval = (low: number, high: number) => `${formatPercent(low)}–${formatPercent(high)}`;

function answersOf(r: SharesResult, lang: Lang): string {
  return sharesWords(lang).answers(r.valueLabels);
}

/** The two-group difference in words, its interval in the same direction, and whether it is significant at 0.05. */
function narrateDifference(r: SharesResult, lang: Lang): string {
  const d = r.difference;
  if (!d) return '';
  const significant = d.pValue < 0.05;
  const { claim, interval: ci } = differenceWords(d, lang, pp, sharesWords(lang).points);
  return sharesWords(lang).difference(claim, ci, formatPClause(d.pValue), significant);
}

/**
 * The narrative of a share, every number from the result: the overall share with its interval,
 * then each group, and whether the two groups differ significantly (p < 0.05) — nothing more.
 * With `weighted`, the share weighted to the population follows, with its interval. The question is
 * named by `name` (its short label: 对“幸福感”回答…), else by its label (the question text).
 */
export function narrateShares(r: SharesResult, lang: Lang, weighted?: SharesResult, name: string = r.label): string {
  const w = sharesWords(lang);
  const [all, ...groups] = r.groups;
  const parts = [w.overall(name, answersOf(r, lang), all.n, formatPercent(all.share), interval(all.confLow, all.confHigh))];
  const weightedAll = weighted?.groups[0];
  if (weightedAll) parts.push(w.weighted(formatPercent(weightedAll.share), interval(weightedAll.confLow, weightedAll.confHigh)));
  if (groups.length) parts.push(w.groups(groups.map((g) => w.group(g.level, formatPercent(g.share)))));
  const difference = narrateDifference(r, lang);
  if (difference) parts.push(difference);
  return marks(lang).paragraph(parts);
}

function shareTitle(r: SharesResult, lang: Lang): string {
  return `${r.label}${marks(lang).aside(r.valueLabels.join(' / '))}`;
}

function methodNote(r: SharesResult, weighted: SharesResult | undefined, lang: Lang): string {
  return sharesWords(lang).methodNote(methodName('interval', r.ciMethod, lang), weighted ? methodName('interval', weighted.ciMethod, lang) : null);
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
  const columns = [t.item, t.n, t.all, t.ci, ...levels, ...(d ? [sharesWords(lang).differenceColumn(d.first, d.second), 'p'] : []), ...(weighted ? [t.weightedShare, t.weightedCi] : [])];
  const answers = first.valueLabels.join(' / ');
  const title = options.title ?? sharesWords(lang).gridTitle(answers);
  const top = results[order[0]];
  const bottom = results[order[order.length - 1]];
  const significant = order.filter((k) => (results[k].difference?.pValue ?? 1) < 0.05).map((k) => results[k].label);
  const notSignificant = order.filter((k) => results[k].difference && !(results[k].difference!.pValue < 0.05)).map((k) => results[k].label);
  const text = sharesWords(lang).grid({
    items: results.length, answers, top: { label: top.label, share: formatPercent(top.groups[0].share) }, bottom: { label: bottom.label, share: formatPercent(bottom.groups[0].share) },
    difference: d ? { first: d.first, second: d.second } : undefined, significant, notSignificant,
  });
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
  const note = methodNote(first, weighted?.[0], lang) + (d ? sharesWords(lang).differenceNote(d.first, d.second) : '');
  return [{ kind: 'paragraph', text }, tableBlock(title, columns, rows, { notes: [note] }), { kind: 'chart', id: options.id, chart }];
}

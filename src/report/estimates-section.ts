import type { QuantilesResult } from '../analyze/estimators/estimate-quantiles.js';
import type { RatioResult } from '../analyze/estimators/estimate-ratio.js';
import type { TotalsResult } from '../analyze/estimators/estimate-totals.js';
import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';
import { formatFixed } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const number = (x: number) => (Math.abs(x) >= 1000 ? formatFixed(x, 0) : formatFixed(x, 2));
const interval = (low: number, high: number, format: (x: number) => string = number) => `${format(low)}–${format(high)}`;

/** A totals analysis: a row per group (and category), total, SE, 95% CI (R svytotal). */
export function totalsSection(r: TotalsResult, lang: Lang, title?: string): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = sectionWords(lang).estimates;
  const rows = r.groups.map((g) => [g.by === null ? t.all : g.level, ...(r.categorical ? [g.value ?? ''] : []), String(g.n), number(g.total), number(g.standardError), interval(g.confLow, g.confHigh)]);
  const columns = [t.group, ...(r.categorical ? [w.value] : []), t.n, w.total, t.se, t.ci];
  return [tableBlock(title ?? r.label, columns, rows, { notes: r.weights === 'sampling' ? [] : [w.sampleTotal] })];
}

/** A quantiles analysis: a row per group and probability, quantile, SE, Woodruff 95% CI (R svyquantile). */
export function quantilesSection(r: QuantilesResult, lang: Lang, title?: string): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = sectionWords(lang).estimates;
  const rows = r.groups.map((g) => [g.by === null ? t.all : g.level, String(g.n), String(g.prob), number(g.quantile), number(g.standardError), interval(g.confLow, g.confHigh)]);
  return [tableBlock(title ?? r.label, [t.group, t.n, w.prob, w.quantile, t.se, t.ci], rows, { notes: [w.woodruff] })];
}

/** A ratio analysis: a row per group, ratio, SE, 95% CI (R svyratio). */
export function ratioSection(r: RatioResult, lang: Lang, title?: string): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const four = (x: number) => formatFixed(x, 4);
  const rows = r.groups.map((g) => [g.by === null ? t.all : g.level, String(g.n), four(g.ratio), four(g.standardError), interval(g.confLow, g.confHigh, four)]);
  return [tableBlock(title ?? r.label, [t.group, t.n, sectionWords(lang).estimates.ratio, t.se, t.ci], rows)];
}

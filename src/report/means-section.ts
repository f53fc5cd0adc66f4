import type { MeansResult } from '../analyze/estimators/estimate-means.js';
import type { Lang } from '../core/variable-labels.js';
import { formatFixed, formatPClause } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const number = (x: number) => (Math.abs(x) >= 1000 ? formatFixed(x, 0) : formatFixed(x, 2));

/**
 * A means analysis: a row per group (with `weighted`, the weighted mean and interval beside) and,
 * for two groups, the difference and its test.
 */
export function meansSection(r: MeansResult, lang: Lang, options: { title?: string; weighted?: MeansResult } = {}): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = options.weighted;
  const rows = r.groups.map((g, k) => {
    const cells = [g.by === null ? t.all : g.level, String(g.n), number(g.mean), number(g.sd), number(g.standardError), `${number(g.confLow)}–${number(g.confHigh)}`];
    const v = w?.groups[k];
    return v ? [...cells, number(v.mean), `${number(v.confLow)}–${number(v.confHigh)}`] : cells;
  });
  const columns = [t.group, t.n, t.mean, t.sd, t.se, t.ci, ...(w ? [t.weightedMean, t.weightedCi] : [])];
  const blocks: ReportBlock[] = [tableBlock(options.title ?? r.label, columns, rows)];
  const d = r.difference;
  if (d) {
    const significant = d.pValue < 0.05;
    blocks.unshift({
      kind: 'paragraph',
      text:
        lang === 'zh'
          ? `“${r.label}”的均值，${d.first}比${d.second}${d.estimate >= 0 ? '高' : '低'}${number(Math.abs(d.estimate))}（95%置信区间：${number(d.confLow)}至${number(d.confHigh)}，${d.method}，p ${formatPClause(d.pValue)}），${significant ? '差异显著' : '差异不显著'}。`
          : `The mean of "${r.label}" is ${number(Math.abs(d.estimate))} ${d.estimate >= 0 ? 'higher' : 'lower'} for ${d.first} than for ${d.second} (95% CI ${number(d.confLow)} to ${number(d.confHigh)}, ${d.method}, p ${formatPClause(d.pValue)}); the difference is ${significant ? '' : 'not '}significant.`,
    });
  }
  return blocks;
}

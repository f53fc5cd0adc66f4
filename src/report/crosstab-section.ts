import type { CrosstabResult } from '../analyze/estimators/estimate-crosstab.js';
import type { Lang } from '../core/variable-labels.js';
import { crosstabTestText } from './crosstab-test-text.js';
import { formatCount, formatFixed, formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/** A crosstab: counts with row percentages, then the χ² test and Cramér's V in words. */
export function crosstabSection(r: CrosstabResult, lang: Lang, title?: string): ReportBlock[] {
  const rows = r.rowLevels.map((level, i) => {
    const total = r.counts[i].reduce((a, b) => a + b, 0);
    const share = (c: number) => formatPercent(total ? c / total : Number.NaN);
    return [level, ...r.counts[i].map((c) => (lang === 'zh' ? `${formatCount(c)}（${share(c)}）` : `${formatCount(c)} (${share(c)})`))];
  });
  const significant = r.pValue < 0.05;
  const test = `${crosstabTestText(r, 2)}，p ${formatPClause(r.pValue)}，Cramér's V = ${formatFixed(r.cramersV, 3)}`;
  const text =
    lang === 'zh'
      ? `“${r.rowLabel}”与“${r.colLabel}”的交叉分析：${test}，两者${significant ? '显著相关' : '未见显著相关'}（0.05水平）。${r.lowExpectedCells ? `有${r.lowExpectedCells}个单元格期望频数小于5，χ²近似可能不准。` : ''}`
      : `"${r.rowLabel}" by "${r.colLabel}": ${test}; the two are ${significant ? '' : 'not '}significantly associated at the 0.05 level.${r.lowExpectedCells ? ` ${r.lowExpectedCells} cells have expected counts below 5.` : ''}`;
  return [{ kind: 'paragraph', text }, tableBlock(title ?? `${r.rowLabel} × ${r.colLabel}`, [r.rowLabel, ...r.colLevels], rows, { notes: [lang === 'zh' ? '括号内为行百分比' : 'Row percentages in brackets'] })];
}

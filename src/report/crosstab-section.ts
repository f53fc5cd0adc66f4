import type { CrosstabResult } from '../analyze/estimators/estimate-crosstab.js';
import type { Codebook } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { variableWords } from '../locale/variable-words.js';
import { crosstabTestText } from './crosstab-test-text.js';
import { formatCount, formatFixed, formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/**
 * A crosstab: counts with row percentages, then the χ² test (Rao-Scott F when design-based) and
 * Cramér's V in words. Variables are named by their short labels (城乡 × 幸福感) when the codebook has them.
 */
export function crosstabSection(r: CrosstabResult, lang: Lang, title?: string, codebook?: Codebook): ReportBlock[] {
  const rowName = codebook ? variableWords(codebook, r.rows, lang) : r.rowLabel;
  const colName = codebook ? variableWords(codebook, r.cols, lang) : r.colLabel;
  const rows = r.rowLevels.map((level, i) => {
    const total = r.counts[i].reduce((a, b) => a + b, 0);
    const share = (c: number) => formatPercent(total ? c / total : Number.NaN);
    return [level, ...r.counts[i].map((c) => (lang === 'zh' ? `${formatCount(c)}（${share(c)}）` : `${formatCount(c)} (${share(c)})`))];
  });
  const significant = r.pValue < 0.05;
  const testName = methodName('test', r.raoScott ? 'rao-scott' : 'pearson', lang);
  const comma = lang === 'zh' ? '，' : ', ';
  const test = `${testName}${lang === 'zh' ? '：' : ': '}${crosstabTestText(r, 2)}${comma}p ${formatPClause(r.pValue)}${comma}Cramér's V = ${formatFixed(r.cramersV, 3)}`;
  const text =
    lang === 'zh'
      ? `“${rowName}”与“${colName}”的交叉分析（${test}）显示，两者${significant ? '显著相关' : '未见显著相关'}（0.05水平）。${r.lowExpectedCells ? `有${r.lowExpectedCells}个单元格期望频数小于5，χ²近似可能不准。` : ''}`
      : `"${rowName}" by "${colName}" (${test}): the two are ${significant ? '' : 'not '}significantly associated at the 0.05 level.${r.lowExpectedCells ? ` ${r.lowExpectedCells} cells have expected counts below 5.` : ''}`;
  return [{ kind: 'paragraph', text }, tableBlock(title ?? `${rowName} × ${colName}`, [rowName, ...r.colLevels], rows, { notes: [lang === 'zh' ? '括号内为行百分比' : 'Row percentages in brackets'] })];
}

import type { CrosstabResult } from '../analyze/estimators/estimate-crosstab.js';
import type { Codebook } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { marks } from '../locale/report-marks.js';
import { sectionWords } from '../locale/section-words.js';
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
    return [level, ...r.counts[i].map((c) => sectionWords(lang).countShare(formatCount(c), share(c)))];
  });
  const significant = r.pValue < 0.05;
  const testName = methodName('test', r.raoScott ? 'rao-scott' : 'pearson', lang);
  const { comma, colon } = marks(lang);
  const test = `${testName}${colon}${crosstabTestText(r, 2)}${comma}p ${formatPClause(r.pValue)}${comma}Cramér's V = ${formatFixed(r.cramersV, 3)}`;
  const text = sectionWords(lang).crosstab(rowName, colName, test, significant, r.lowExpectedCells);
  return [{ kind: 'paragraph', text }, tableBlock(title ?? `${rowName} × ${colName}`, [rowName, ...r.colLevels], rows, { notes: [sectionWords(lang).rowPercentages] })];
}

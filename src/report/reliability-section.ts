import type { ReliabilityResult } from '../analyze/estimators/estimate-reliability.js';
import type { Lang } from '../core/variable-labels.js';
import { formatFixed, formatPClause } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/** Reliability: α, standardized α, KMO and Bartlett in words, and the item table. */
export function reliabilitySection(r: ReliabilityResult, lang: Lang, title: string): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const b = r.bartlett;
  const text =
    lang === 'zh'
      ? `${title}共${r.items.length}题，完整回答${r.n}人，Cronbach's α = ${formatFixed(r.alpha, 3)}（标准化α = ${formatFixed(r.standardizedAlpha, 3)}）；KMO = ${formatFixed(r.kmo, 3)}，Bartlett球形检验 χ²(${b.df}) = ${formatFixed(b.statistic, 1)}，p ${formatPClause(b.pValue)}。`
      : `${title}: ${r.items.length} items, ${r.n} complete answers, Cronbach's α = ${formatFixed(r.alpha, 3)} (standardized ${formatFixed(r.standardizedAlpha, 3)}); KMO = ${formatFixed(r.kmo, 3)}, Bartlett χ²(${b.df}) = ${formatFixed(b.statistic, 1)}, p ${formatPClause(b.pValue)}.`;
  const rows = r.items.map((i) => [i.label, formatFixed(i.mean, 2), formatFixed(i.sd, 2), formatFixed(i.itemTotalR, 3), formatFixed(i.alphaIfDeleted, 3)]);
  return [{ kind: 'paragraph', text }, tableBlock(title, [t.item, t.mean, t.sd, t.itemTotal, t.alphaIfDeleted], rows)];
}

import type { ReliabilityResult } from '../analyze/estimators/estimate-reliability.js';
import { alphaVerdict } from '../locale/alpha-words.js';
import type { Lang } from '../locale/lang.js';
import { formatFixed, formatPClause } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/**
 * Reliability: α with what it means for the scale (the bands of alphaVerdict), standardized α,
 * KMO and Bartlett in words, and the item table. `scale` names the items as a reader knows them.
 */
export function reliabilitySection(r: ReliabilityResult, lang: Lang, title: string, scale: string = title): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const b = r.bartlett;
  const verdict = alphaVerdict(r.alpha, lang);
  const text =
    lang === 'zh'
      ? `“${scale}”共${r.items.length}题，完整回答${r.n}人，Cronbach's α = ${formatFixed(r.alpha, 3)}（标准化α = ${formatFixed(r.standardizedAlpha, 3)}）${verdict ? `，按常用标准${verdict}` : ''}；KMO = ${formatFixed(r.kmo, 3)}，Bartlett球形检验 χ²(${b.df}) = ${formatFixed(b.statistic, 1)}，p ${formatPClause(b.pValue)}。`
      : `"${scale}": ${r.items.length} items, ${r.n} complete answers, Cronbach's α = ${formatFixed(r.alpha, 3)} (standardized ${formatFixed(r.standardizedAlpha, 3)})${verdict ? `; by the usual bands, ${verdict}` : ''}; KMO = ${formatFixed(r.kmo, 3)}, Bartlett χ²(${b.df}) = ${formatFixed(b.statistic, 1)}, p ${formatPClause(b.pValue)}.`;
  const rows = r.items.map((i) => [i.label, formatFixed(i.mean, 2), formatFixed(i.sd, 2), formatFixed(i.itemTotalR, 3), formatFixed(i.alphaIfDeleted, 3)]);
  const note = lang === 'zh' ? '注：α<0.6为偏低，0.6～0.7为可接受，0.7～0.8为较好，≥0.8为良好（社会科学常用标准）。' : 'Note: α < 0.6 low, 0.6–0.7 acceptable, 0.7–0.8 good, ≥ 0.8 very good (the usual social-science bands).';
  return [{ kind: 'paragraph', text }, tableBlock(title, [t.item, t.mean, t.sd, t.itemTotal, t.alphaIfDeleted], rows, { notes: [note] })];
}

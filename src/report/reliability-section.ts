import type { ReliabilityResult } from '../analyze/estimators/estimate-reliability.js';
import { alphaVerdict } from '../locale/alpha-words.js';
import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';
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
  const text = sectionWords(lang).reliability({
    scale, items: r.items.length, n: r.n, alpha: formatFixed(r.alpha, 3), standardized: formatFixed(r.standardizedAlpha, 3), verdict,
    kmo: formatFixed(r.kmo, 3), df: b.df, chi2: formatFixed(b.statistic, 1), p: formatPClause(b.pValue),
  });
  const rows = r.items.map((i) => [i.label, formatFixed(i.mean, 2), formatFixed(i.sd, 2), formatFixed(i.itemTotalR, 3), formatFixed(i.alphaIfDeleted, 3)]);
  const note = sectionWords(lang).alphaBands;
  return [{ kind: 'paragraph', text }, tableBlock(title, [t.item, t.mean, t.sd, t.itemTotal, t.alphaIfDeleted], rows, { notes: [note] })];
}

import type { SampleProfile } from '../analyze/estimators/profile-sample.js';
import type { Lang } from '../core/variable-labels.js';
import { formatCount, formatFixed, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/** The 样本概况 table: each background variable's answers as n (column %), numeric ones as mean (SD), overall and by group. */
export function profileSection(p: SampleProfile, lang: Lang): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const open = lang === 'zh' ? '（' : ' (';
  const close = lang === 'zh' ? '）' : ')';
  const rows = p.variables.flatMap((v) => {
    if (v.kind === 'numeric') {
      return [[v.label, lang === 'zh' ? '均值（标准差）' : 'Mean (SD)', ...v.groups.map((g) => `${formatFixed(g.mean, 1)}${open}${formatFixed(g.sd, 1)}${close}`)]];
    }
    return v.levels.map((level, i) => [i === 0 ? v.label : '', level, ...v.counts[i].map((c, k) => `${formatCount(c)}${open}${formatPercent(v.totals[k] ? c / v.totals[k] : Number.NaN)}${close}`)]);
  });
  const columns = [t.item, t.answer, t.all, ...p.byLevels];
  const groups = p.byLevels.join('/');
  const title = lang === 'zh' ? `样本概况${groups ? `（${groups}）` : ''}` : `Sample profile${groups ? ` (${groups})` : ''}`;
  const note = lang === 'zh' ? '分类变量为人数（列百分比），数值变量为均值（标准差）；不加权。' : 'Categorical: count (column %); numeric: mean (SD); unweighted.';
  return [tableBlock(title, columns, rows, { align: columns.map((_, k) => (k < 2 ? 'left' : 'right')), notes: [note] })];
}

import type { SampleProfile } from '../analyze/estimators/profile-sample.js';
import type { Lang } from '../locale/lang.js';
import { formatCount, formatFixed, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';
import { shortLabel } from './short-label.js';
import type { DataTable } from '../core/data-table.js';

/** The 样本概况 table: each background variable (by its short label) with its answers as n (column %), numeric ones as mean (SD), overall and by group. */
export function profileSection(p: SampleProfile, table: DataTable, lang: Lang): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const open = lang === 'zh' ? '（' : ' (';
  const close = lang === 'zh' ? '）' : ')';
  const rows = p.variables.flatMap((v) => {
    if (v.kind === 'numeric') {
      // An income of 32956.5 is read to the yuan: decimals only for small magnitudes (age, household size).
      const digits = v.groups.some((g) => Math.abs(g.mean) >= 1000) ? 0 : 1;
      return [[shortLabel(table, v.variable, lang), lang === 'zh' ? '均值（标准差）' : 'Mean (SD)', ...v.groups.map((g) => `${formatFixed(g.mean, digits)}${open}${formatFixed(g.sd, digits)}${close}`)]];
    }
    const label = shortLabel(table, v.variable, lang);
    return v.levels.map((level, i) => [i === 0 ? label : '', level, ...v.counts[i].map((c, k) => `${formatCount(c)}${open}${formatPercent(v.totals[k] ? c / v.totals[k] : Number.NaN)}${close}`)]);
  });
  const columns = [t.item, t.answer, t.all, ...p.byLevels];
  const groups = p.byLevels.join('/');
  const title = lang === 'zh' ? `样本概况${groups ? `（${groups}）` : ''}` : `Sample profile${groups ? ` (${groups})` : ''}`;
  const note = lang === 'zh' ? '分类变量为人数（列百分比），数值变量为均值（标准差）；不加权。' : 'Categorical: count (column %); numeric: mean (SD); unweighted.';
  return [tableBlock(title, columns, rows, { align: columns.map((_, k) => (k < 2 ? 'left' : 'right')), notes: [note] })];
}

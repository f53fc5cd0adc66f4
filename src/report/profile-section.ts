import type { SampleProfile } from '../analyze/estimators/profile-sample.js';
import type { Lang } from '../locale/lang.js';
import { marks } from '../locale/report-marks.js';
import { sectionWords } from '../locale/section-words.js';
import { formatCount, formatFixed, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';
import { shortLabel } from './short-label.js';
import type { DataTable } from '../core/data-table.js';

/** The 样本概况 table: each background variable (by its short label) with its answers as n (column %), numeric ones as mean (SD), overall and by group. */
export function profileSection(p: SampleProfile, table: DataTable, lang: Lang): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = sectionWords(lang);
  const { aside } = marks(lang);
  const rows = p.variables.flatMap((v) => {
    if (v.kind === 'numeric') {
      // An income of 32956.5 is read to the yuan: decimals only for small magnitudes (age, household size).
      const digits = v.groups.some((g) => Math.abs(g.mean) >= 1000) ? 0 : 1;
      return [[shortLabel(table, v.variable, lang), w.meanSd, ...v.groups.map((g) => `${formatFixed(g.mean, digits)}${aside(formatFixed(g.sd, digits))}`)]];
    }
    const label = shortLabel(table, v.variable, lang);
    return v.levels.map((level, i) => [i === 0 ? label : '', level, ...v.counts[i].map((c, k) => `${formatCount(c)}${aside(formatPercent(v.totals[k] ? c / v.totals[k] : Number.NaN))}`)]);
  });
  const columns = [t.item, t.answer, t.all, ...p.byLevels];
  const groups = p.byLevels.join('/');
  const title = w.profileTitle(groups);
  const note = w.profileNote;
  return [tableBlock(title, columns, rows, { align: columns.map((_, k) => (k < 2 ? 'left' : 'right')), notes: [note] })];
}

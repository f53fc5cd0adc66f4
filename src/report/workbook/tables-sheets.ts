import { formatPClause } from '../format-number.js';
import { REPORT_TEXT } from '../report-text.js';
import { SheetGrid } from './sheet-grid.js';
import { analysesOf, type WorkbookInput } from './workbook-input.js';
import { missingLabel } from '../../locale/missing-words.js';
import { sectionWords } from '../../locale/section-words.js';
import { workbookWords } from '../../locale/workbook-words.js';

/** 频数: each frequency table — answers with count, %, valid % and cumulative %, then missing by reason. */
export function frequencySheet(input: WorkbookInput, name: string): SheetGrid | null {
  const t = REPORT_TEXT[input.lang];
  const tables = analysesOf(input, 'freq').flatMap((a) => a.estimates.results);
  if (!tables.length) return null;
  const grid = new SheetGrid(name);
  for (const f of tables) {
    const body = [
      ...f.levels.map((l) => [l.label, l.count, l.percent / 100, l.validPercent / 100, l.cumulativePercent / 100]),
      ...f.missing.map((m) => [missingLabel(m.reason, input.lang), m.count, m.percent / 100, null, null]),
    ];
    grid.table([{ header: t.answer }, { header: t.count, numFmt: '0' }, { header: t.percent, numFmt: '0.0%' }, { header: t.validPercent, numFmt: '0.0%' }, { header: t.cumulative, numFmt: '0.0%' }], body, { title: f.label, notes: [sectionWords(input.lang).frequencyNote(f.total, f.valid)] });
  }
  return grid;
}

/** 交叉表: counts and row shares side by side, with the χ² test (Rao-Scott when weighted) and Cramér's V. */
export function crosstabSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const w = workbookWords(input.lang);
  const tables = analysesOf(input, 'crosstab').flatMap((a) => a.estimates.results);
  if (!tables.length) return null;
  const grid = new SheetGrid(name);
  for (const r of tables) {
    const columns = [{ header: r.rowLabel }, ...r.colLevels.map((header) => ({ header, numFmt: '0' })), { header: w.total, numFmt: '0' }, ...r.colLevels.map((l) => ({ header: `${l} %`, numFmt: '0.0%' }))];
    const body = r.rowLevels.map((level, i) => {
      const total = r.counts[i].reduce((a, b) => a + b, 0);
      return [level, ...r.counts[i], total, ...r.counts[i].map((c) => (total ? c / total : null))];
    });
    const test = `${r.test === 'rao-scott' ? 'Rao-Scott ' : ''}χ²(${r.df}) = ${r.statistic.toFixed(2)}, p ${formatPClause(r.pValue)}, Cramér's V = ${r.cramersV.toFixed(3)}`;
    grid.table(columns, body, { title: `${r.rowLabel} × ${r.colLabel}`, notes: [test, w.rowPercentages] });
  }
  return grid;
}

/** 信度: Cronbach's α, KMO and Bartlett, then the item table. */
export function reliabilitySheet(input: WorkbookInput, name: string): SheetGrid | null {
  const t = REPORT_TEXT[input.lang];
  const w = workbookWords(input.lang);
  const analyses = analysesOf(input, 'reliability');
  if (!analyses.length) return null;
  const grid = new SheetGrid(name);
  for (const { estimates } of analyses) {
    for (const r of estimates.results) {
      grid.table([{ header: w.statistic }, { header: w.value, numFmt: '0.000' }], [
        ["Cronbach's α", r.alpha], [w.standardizedAlpha, r.standardizedAlpha], ['KMO', r.kmo],
        [`Bartlett χ²(${r.bartlett.df})`, r.bartlett.statistic], ['Bartlett p', r.bartlett.pValue],
        // A count among statistics: its own format, not 9415.000.
        [w.completeAnswers, { value: r.n, style: { numFmt: '0' } }],
      ], { title: estimates.title });
      grid.table([{ header: t.item }, { header: t.mean, numFmt: '0.00' }, { header: t.sd, numFmt: '0.00' }, { header: t.itemTotal, numFmt: '0.000' }, { header: t.alphaIfDeleted, numFmt: '0.000' }],
        r.items.map((i) => [i.label, i.mean, i.sd, i.itemTotalR, i.alphaIfDeleted]));
    }
  }
  return grid;
}

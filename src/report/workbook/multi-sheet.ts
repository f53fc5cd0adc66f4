import type { MultiResult } from '../../analyze/estimators/estimate-multi.js';
import type { Lang } from '../../locale/lang.js';
import { sharesWords } from '../../locale/shares-words.js';
import { formatPClause } from '../format-number.js';
import { REPORT_TEXT } from '../report-text.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import { analysesOf, type WorkbookInput } from './workbook-input.js';

/**
 * 多选题: every multi-select analysis — per group and option the responses, % of responses and %
 * of cases with its interval (weighted % of cases beside when the plan weights), the test per option, and its chart.
 */
export function multiSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const { lang } = input;
  const analyses = analysesOf(input, 'multi');
  if (!analyses.length) return null;
  const t = REPORT_TEXT[lang];
  const words = sharesWords(lang);
  const m = words.multi;
  const grid = new SheetGrid(name);
  for (const { estimates, chartIds } of analyses) {
    estimates.results.forEach((r, k) => {
      const w = estimates.weighted?.[k] ?? null;
      const columns: GridColumn[] = [
        { header: t.group }, { header: t.answer }, { header: t.n, numFmt: '0' }, { header: m.responses, numFmt: '0' }, { header: m.ofResponses, numFmt: '0.0%' }, { header: m.ofCases, numFmt: '0.0%' },
        { header: words.low, numFmt: '0.0%' }, { header: words.high, numFmt: '0.0%' },
        ...(w ? [{ header: m.weightedOfCases, numFmt: '0.0%' }, { header: words.weightedLow, numFmt: '0.0%' }, { header: words.weightedHigh, numFmt: '0.0%' }] : []),
      ];
      grid.table(columns, rowsOf(r, w, lang), { title: r.label, notes: testNotes(r, lang) });
    });
    grid.charts(chartIds, input.images);
  }
  return grid;
}

function rowsOf(r: MultiResult, w: MultiResult | null, lang: Lang): (string | number | null)[][] {
  const t = REPORT_TEXT[lang];
  return r.groups.flatMap((g, j) =>
    g.options.map((o, k) => {
      const v = w?.groups[j]?.options[k];
      const cell = (x: number) => (Number.isNaN(x) ? null : x);
      return [k === 0 ? (g.by === null ? t.all : g.level) : '', o.label, k === 0 ? g.n : null, o.count, cell(o.percentOfResponses), cell(o.percentOfCases), cell(o.confLow), cell(o.confHigh), ...(v ? [cell(v.percentOfCases), cell(v.confLow), cell(v.confHigh)] : [])];
    }),
  );
}

function testNotes(r: MultiResult, lang: Lang): string[] {
  if (!r.tests.length) return [];
  const name = r.tests[0].test === 'rao-scott' ? 'Rao-Scott F' : 'χ²';
  const each = r.tests.map((x) => `${x.label}: ${name} = ${x.statistic.toFixed(2)}, p ${formatPClause(x.pValue)}`);
  return [sharesWords(lang).perOption(`${r.byLabel}`, each)];
}

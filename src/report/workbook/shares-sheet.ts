import type { SharesResult } from '../../analyze/estimators/estimate-shares.js';
import type { Lang } from '../../locale/lang.js';
import { REPORT_TEXT } from '../report-text.js';
import { analysesOf, type WorkbookInput } from './workbook-input.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import { methodName } from '../../locale/method-names.js';
import { sharesWords } from '../../locale/shares-words.js';

/**
 * 满意度: every share analysis as one table — item × group with n, count, share and interval,
 * and the weighted share and interval side by side when the plan weights — with its chart.
 */
export function sharesSheet(input: WorkbookInput, name: string): SheetGrid {
  const { lang } = input;
  const t = REPORT_TEXT[lang];
  const w = sharesWords(lang);
  const grid = new SheetGrid(name);
  for (const { estimates, chartIds } of analysesOf(input, 'shares')) {
    const weighted = estimates.weighted;
    const columns: GridColumn[] = [
      { header: t.item }, { header: t.group }, { header: t.n, numFmt: '0' }, { header: t.count, numFmt: '0' }, { header: t.share, numFmt: '0.0%' },
      { header: w.low, numFmt: '0.0%' }, { header: w.high, numFmt: '0.0%' },
      ...(weighted ? [{ header: t.weightedShare, numFmt: '0.0%' }, { header: w.weightedLow, numFmt: '0.0%' }, { header: w.weightedHigh, numFmt: '0.0%' }, { header: w.deff, numFmt: '0.00' }] : []),
    ];
    const body = estimates.results.flatMap((r, k) => rowsOf(r, weighted?.[k] ?? null, lang));
    const first = estimates.results[0];
    grid.table(columns, body, { title: titleOf(estimates.results, lang), notes: [w.sheetNote(first.valueLabels, intervalOf(first.ciMethod, lang), weighted ? intervalOf(weighted[0].ciMethod, lang) : null)] });
    grid.charts(chartIds, input.images);
  }
  return grid;
}

/** An interval method by its code and its name, for the note. */
const intervalOf = (code: string, lang: Lang) => ({ code, name: methodName('interval', code, lang) });

function titleOf(results: readonly SharesResult[], lang: Lang): string {
  return results.length === 1 ? results[0].label : sharesWords(lang).itemsTitle(results.length);
}

function rowsOf(r: SharesResult, w: SharesResult | null, lang: Lang): (string | number | null)[][] {
  const t = REPORT_TEXT[lang];
  return r.groups.map((g, k) => {
    const v = w?.groups[k];
    return [k === 0 ? r.label : '', g.by === null ? t.all : g.level, g.n, g.count, g.share, g.confLow, g.confHigh, ...(v ? [v.share, v.confLow, v.confHigh, v.deff] : [])];
  });
}

import type { SharesResult } from '../../analyze/estimators/estimate-shares.js';
import type { Lang } from '../../locale/lang.js';
import { REPORT_TEXT } from '../report-text.js';
import { analysesOf, type WorkbookInput } from './workbook-input.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import { methodName } from '../../locale/method-names.js';

/**
 * 满意度: every share analysis as one table — item × group with n, count, share and interval,
 * and the weighted share and interval side by side when the plan weights — with its chart.
 */
export function sharesSheet(input: WorkbookInput, name: string): SheetGrid {
  const { lang } = input;
  const t = REPORT_TEXT[lang];
  const grid = new SheetGrid(name);
  for (const { estimates, chartIds } of analysesOf(input, 'shares')) {
    const weighted = estimates.weighted;
    const columns: GridColumn[] = [
      { header: t.item }, { header: t.group }, { header: t.n, numFmt: '0' }, { header: t.count, numFmt: '0' }, { header: t.share, numFmt: '0.0%' },
      { header: lang === 'zh' ? '下限' : 'Low', numFmt: '0.0%' }, { header: lang === 'zh' ? '上限' : 'High', numFmt: '0.0%' },
      ...(weighted ? [{ header: t.weightedShare, numFmt: '0.0%' }, { header: lang === 'zh' ? '加权下限' : 'Weighted low', numFmt: '0.0%' }, { header: lang === 'zh' ? '加权上限' : 'Weighted high', numFmt: '0.0%' }, { header: lang === 'zh' ? '设计效应' : 'Deff', numFmt: '0.00' }] : []),
    ];
    const body = estimates.results.flatMap((r, k) => rowsOf(r, weighted?.[k] ?? null, lang));
    const first = estimates.results[0];
    grid.table(columns, body, { title: titleOf(estimates.results, lang), notes: [lang === 'zh' ? `“是”的回答：${first.valueLabels.join(' / ')}；区间：${methodName('interval', first.ciMethod, lang)}${weighted ? `，加权：${methodName('interval', weighted[0].ciMethod, lang)}` : ''}` : `Counted: ${first.valueLabels.join(' / ')}; interval: ${first.ciMethod}${weighted ? `, weighted: ${weighted[0].ciMethod}` : ''}`] });
    grid.charts(chartIds, input.images);
  }
  return grid;
}

function titleOf(results: readonly SharesResult[], lang: Lang): string {
  return results.length === 1 ? results[0].label : lang === 'zh' ? `${results.length}个题项` : `${results.length} items`;
}

function rowsOf(r: SharesResult, w: SharesResult | null, lang: Lang): (string | number | null)[][] {
  const t = REPORT_TEXT[lang];
  return r.groups.map((g, k) => {
    const v = w?.groups[k];
    return [k === 0 ? r.label : '', g.by === null ? t.all : g.level, g.n, g.count, g.share, g.confLow, g.confHigh, ...(v ? [v.share, v.confLow, v.confHigh, v.deff] : [])];
  });
}

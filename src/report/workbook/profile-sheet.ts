import type { Cell, CellValue } from '../../io/xlsx/write/xlsx-model.js';
import type { GridColumn } from './sheet-grid.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import { workbookWords } from '../../locale/workbook-words.js';
import { shortLabel } from '../short-label.js';

const decimal = (value: number): Cell => ({ value, style: { numFmt: '0.0' } });

/** 样本概况: each background variable's answers as count and column share, numeric ones as mean and SD, overall and by group. */
export function profileSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const p = input.profile;
  if (!p) return null;
  const w = workbookWords(input.lang);
  const groups = [w.all, ...p.byLevels];
  const columns: GridColumn[] = [{ header: w.item }, { header: w.answer }, ...groups.flatMap((g) => [{ header: `${g} n`, numFmt: '0' }, { header: `${g} %`, numFmt: '0.0%' }])];
  const body = p.variables.flatMap((v): (Cell | CellValue)[][] => {
    if (v.kind === 'numeric') {
      return [
        [shortLabel(input.table, v.variable, input.lang), w.mean, ...v.groups.flatMap((g) => [decimal(g.mean), null])],
        ['', w.sd, ...v.groups.flatMap((g) => [decimal(g.sd), null])],
      ];
    }
    const label = shortLabel(input.table, v.variable, input.lang);
    return v.levels.map((level, i) => [i === 0 ? label : '', level, ...v.counts[i].flatMap((c, k) => [c, v.totals[k] ? c / v.totals[k] : null])]);
  });
  const grid = new SheetGrid(name);
  grid.table(columns, body, { title: w.profileTitle(p.byLevels), notes: [w.profileNote] });
  return grid;
}

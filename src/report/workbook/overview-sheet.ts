import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import type { WorkbookInput } from './workbook-input.js';
import { SheetGrid } from './sheet-grid.js';
import { methodName } from '../../locale/method-names.js';
import { cleaningWords } from '../../locale/cleaning-words.js';

/** 概览: the title, the sample in one table (发放/回收/有效/有效率, weighting), and the key findings in words. */
export function overviewSheet(input: WorkbookInput, name: string): SheetGrid {
  const t = cleaningWords(input.lang);
  const grid = new SheetGrid(name);
  grid.title(input.title);
  for (const line of input.byline) grid.note(line);
  grid.blank();
  // Numbers stay numbers, each with its format, left-aligned as the text beside them.
  const value = (v: number, numFmt: string): Cell => ({ value: v, style: { numFmt, align: 'left' } });
  const count = (v: number) => value(v, '0');
  const facts: [string, Cell | string][] = [];
  const c = input.cleaning;
  if (c) {
    if (c.distributed !== null) facts.push([t.handedOutFact, count(c.distributed)]);
    facts.push([t.returnedFact, count(c.summary.inputRows)], [t.setAsideFact, count(c.summary.excludedRows)], [t.validFact, count(c.summary.keptRows)]);
    facts.push([t.validRate, value(c.summary.inputRows ? c.summary.keptRows / c.summary.inputRows : Number.NaN, '0.0%')]);
  } else {
    facts.push([t.analysedFact, count(input.table.nrows)]);
  }
  const w = input.weighting;
  if (w) {
    facts.push([t.weighting, methodName('weighting', w.calibrated.method, input.lang)], [t.kishDeff, value(w.diagnostics.kishDeff, '0.000')], [t.effectiveN, value(w.diagnostics.effectiveN, '0')]);
  }
  // Column B holds both the values and the findings' text, so it is wide and its values sit left.
  grid.width(1, 100);
  grid.table([{ header: t.item }, { header: t.value }], facts, { title: t.sample });
  grid.title(t.keyFindings);
  input.findings.forEach((text, i) => grid.paragraph(text, i + 1));
  return grid;
}

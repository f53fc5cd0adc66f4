import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import type { WorkbookInput } from './workbook-input.js';
import { SheetGrid } from './sheet-grid.js';
import { methodName } from '../../locale/method-names.js';

/** 概览: the title, the sample in one table (发放/回收/有效/有效率, weighting), and the key findings in words. */
export function overviewSheet(input: WorkbookInput, name: string): SheetGrid {
  const zh = input.lang === 'zh';
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
    if (c.distributed !== null) facts.push([zh ? '发放问卷（份）' : 'Questionnaires handed out', count(c.distributed)]);
    facts.push([zh ? '回收问卷（份）' : 'Returned', count(c.summary.inputRows)], [zh ? '剔除（份）' : 'Set aside', count(c.summary.excludedRows)], [zh ? '有效问卷（份）' : 'Valid', count(c.summary.keptRows)]);
    facts.push([zh ? '有效率' : 'Valid rate', value(c.summary.inputRows ? c.summary.keptRows / c.summary.inputRows : Number.NaN, '0.0%')]);
  } else {
    facts.push([zh ? '分析样本（份）' : 'Responses analysed', count(input.table.nrows)]);
  }
  const w = input.weighting;
  if (w) {
    facts.push([zh ? '加权方法' : 'Weighting', methodName('weighting', w.calibrated.method, input.lang)], [zh ? '加权设计效应（Kish）' : "Kish's design effect", value(w.diagnostics.kishDeff, '0.000')], [zh ? '有效样本量' : 'Effective n', value(w.diagnostics.effectiveN, '0')]);
  }
  // Column B holds both the values and the findings' text, so it is wide and its values sit left.
  grid.width(1, 100);
  grid.table([{ header: zh ? '项目' : 'Item' }, { header: zh ? '数值' : 'Value' }], facts, { title: zh ? '样本' : 'Sample' });
  grid.title(zh ? '主要发现' : 'Key findings');
  input.findings.forEach((text, i) => grid.paragraph(text, i + 1));
  return grid;
}

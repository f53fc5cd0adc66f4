import type { Choice } from '../../core/types.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';

const choices = (list: readonly Choice[] | undefined, en: boolean) => (list ?? []).map((c) => `${c.code}=${en ? c.labelEn ?? c.label : c.label}`).join('; ');

/** 码本: every variable with its question, type, answer codes, declared missing codes, range, grid and skip logic; then derived variables. */
export function codebookSheet(input: WorkbookInput, name: string): SheetGrid {
  const zh = input.lang === 'zh';
  const en = !zh;
  const codebook = input.table.codebook;
  const grid = new SheetGrid(name);
  const headers = zh ? ['变量名', '题目', '类型', '选项编码', '缺失编码', '取值范围', '题组', '跳题条件', '约束'] : ['Name', 'Question', 'Type', 'Codes', 'Missing codes', 'Range', 'Group', 'Asked when', 'Constraint'];
  const body = codebook.variables.map((v) => [
    v.name, (en ? v.labelEn ?? v.label : v.label) ?? '', `${v.type}${v.ordered ? (zh ? '（有序）' : ' (ordered)') : ''}`, choices(v.choices, en), choices(v.missing, en),
    v.range ? `${v.range[0]}–${v.range[1]}` : '', v.group ?? '', v.relevant ?? '', v.constraint ?? '',
  ]);
  grid.table(headers.map((header) => ({ header })), body, { title: `${zh ? '码本' : 'Codebook'}: ${codebook.id}` });
  if (codebook.derive.length) {
    grid.table((zh ? ['变量名', '标签', '表达式'] : ['Name', 'Label', 'Expression']).map((header) => ({ header })), codebook.derive.map((d) => [d.name, (en ? d.labelEn ?? d.label : d.label) ?? '', d.expr]), { title: zh ? '派生变量' : 'Derived variables' });
  }
  return grid;
}

import type { Choice } from '../../core/types.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import type { Lang } from '../../locale/lang.js';
import { labelIn, ownTextIn } from '../../locale/bilingual.js';
import { workbookWords } from '../../locale/workbook-words.js';

const choices = (list: readonly Choice[] | undefined, lang: Lang) => (list ?? []).map((c) => `${c.code}=${labelIn(lang, c)}`).join('; ');

/** 码本: every variable with its question, type, answer codes, declared missing codes, range, grid and skip logic; then derived variables. */
export function codebookSheet(input: WorkbookInput, name: string): SheetGrid {
  const { lang } = input;
  const w = workbookWords(lang);
  const codebook = input.table.codebook;
  const grid = new SheetGrid(name);
  const headers = w.codebookHeaders;
  const body = codebook.variables.map((v) => [
    v.name, ownTextIn(lang, v.label, v.labelEn) ?? '', `${v.type}${v.ordered ? w.ordered : ''}`, choices(v.choices, lang), choices(v.missing, lang),
    v.range ? `${v.range[0]}–${v.range[1]}` : '', v.group ?? '', v.relevant ?? '', v.constraint ?? '',
  ]);
  grid.table(headers.map((header) => ({ header })), body, { title: w.codebookTitle(codebook.id) });
  if (codebook.derive.length) {
    grid.table(w.derivedHeaders.map((header) => ({ header })), codebook.derive.map((d) => [d.name, ownTextIn(lang, d.label, d.labelEn) ?? '', d.expr]), { title: w.derivedTitle });
  }
  return grid;
}

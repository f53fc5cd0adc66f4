import type { DataTable } from './data-table.js';
import type { Code, Variable } from './types.js';
import type { Lang } from '../locale/lang.js';
import { inLang, labelIn } from '../locale/bilingual.js';

/** The codebook variable behind a column, if the codebook describes it. */
export function variableOf(table: DataTable, column: string): Variable | undefined {
  const variable = table.column(column).variable;
  return table.codebook.variables.find((v) => v.name === variable);
}

/** The question text of a column in the language asked for, falling back to the other language, then the name. */
export function variableLabel(table: DataTable, column: string, lang: Lang = 'zh'): string {
  const v = variableOf(table, column);
  return inLang(lang, v?.label, v?.labelEn) ?? column;
}

/** The label of one answer code of a column (choices, then declared missing codes), else the code itself. */
export function codeLabel(table: DataTable, column: string, code: Code, lang: Lang = 'zh'): string {
  const v = variableOf(table, column);
  const choice = [...(v?.choices ?? []), ...(v?.missing ?? [])].find((c) => String(c.code) === String(code));
  if (!choice) return String(code);
  return labelIn(lang, choice);
}

import { normalizeText } from '../../core/normalize-text.js';
import type { Codebook, Variable } from '../../core/types.js';

/** Finds codebook variables by the texts raw headers use: name, label, English label, aliases, question number. */
export interface VariableIndex {
  /** Variables whose name, label or an alias normalises equal to `text`. */
  byText(text: string): Variable[];
  /** Variables that stand for question `number` (`q3`, alias `Q3` or `第3题`); `row` picks a grid row (`q13_2`). */
  byNumber(number: number, row?: number): Variable[];
}

const NUMBER_KEY = /^(?:q|第)?(\d+)(?:题)?(?:[_.-](\d+))?$/i;

/** Builds the lookup tables for mapping raw columns to a codebook's variables. */
export function variableIndex(codebook: Codebook): VariableIndex {
  const texts = new Map<string, Variable[]>();
  const numbers = new Map<string, Variable[]>();
  const add = (map: Map<string, Variable[]>, key: string, v: Variable) => {
    const list = map.get(key) ?? [];
    if (!list.includes(v)) list.push(v);
    map.set(key, list);
  };
  for (const v of codebook.variables) {
    for (const text of [v.name, v.label, v.labelEn, ...v.aliases]) {
      if (text === undefined) continue;
      const key = normalizeText(text);
      if (key) add(texts, key, v);
    }
    for (const text of [v.name, ...v.aliases]) {
      const m = NUMBER_KEY.exec(text.trim());
      if (m) add(numbers, m[2] === undefined ? m[1] : `${m[1]}_${m[2]}`, v);
    }
  }
  return {
    byText: (text) => texts.get(normalizeText(text)) ?? [],
    byNumber: (number, row) => numbers.get(row === undefined ? String(number) : `${number}_${row}`) ?? [],
  };
}

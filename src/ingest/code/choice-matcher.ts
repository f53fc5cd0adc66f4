import { normalizeText } from '../../core/normalize-text.js';
import type { Choice, Code, Variable } from '../../core/types.js';

/** A choice found for an answer: its code and whether it is a declared missing code. */
export interface ChoiceMatch {
  code: Code;
  declaredMissing: boolean;
}

/** Looks up answers of one variable by label (tolerantly, with aliases and English labels) or by code. */
export interface ChoiceMatcher {
  byLabel(text: string): ChoiceMatch | null;
  byCode(text: string): ChoiceMatch | null;
}

function codeKey(code: Code | string): string {
  const text = String(code).normalize('NFKC').trim();
  return /^-?\d+(\.0+)?$/.test(text) ? String(Number(text)) : text;
}

/**
 * Builds the label and code indexes of a variable's choices and declared missing codes,
 * so that `比较幸福`, `较幸福 ` and `4` all find code 4.
 */
export function choiceMatcher(variable: Variable): ChoiceMatcher {
  const labels = new Map<string, ChoiceMatch>();
  const codes = new Map<string, ChoiceMatch>();
  const add = (choice: Choice, declaredMissing: boolean) => {
    const match = { code: choice.code, declaredMissing };
    codes.set(codeKey(choice.code), match);
    for (const text of [choice.label, choice.labelEn, ...choice.aliases]) {
      if (text === undefined) continue;
      const key = normalizeText(text);
      if (key && !labels.has(key)) labels.set(key, match);
    }
  };
  for (const choice of variable.choices ?? []) add(choice, false);
  for (const choice of variable.missing ?? []) add(choice, true);
  // Answers repeat endlessly; normalising each one again dominated ingest time.
  const memo = (lookup: (text: string) => ChoiceMatch | null) => {
    const seen = new Map<string, ChoiceMatch | null>();
    return (text: string) => {
      let found = seen.get(text);
      if (found === undefined) {
        found = lookup(text);
        if (seen.size < 10_000) seen.set(text, found);
      }
      return found;
    };
  };
  return {
    byLabel: memo((text) => labels.get(normalizeText(text)) ?? null),
    byCode: memo((text) => codes.get(codeKey(text)) ?? null),
  };
}

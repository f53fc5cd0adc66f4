import type { Codebook, Variable } from '../core/types.js';
import type { Lang } from './lang.js';
import { variableWords } from './variable-words.js';

/** How a model term reads: its name in a table, and what "a larger value of it" means in words. */
export interface TermWords {
  /** The table's row label: 城乡：农村, 收入（取对数）. */
  label: string;
  /** What a positive coefficient is about: 收入（取对数）越高, “医疗费用负担”的回答越接近“非常满意”, 农村（相对于城市）. */
  higher: string;
  /** The term named in a sentence: its label, with a factor level's reference group (城乡（农村相对于城市）). */
  name: string;
}

const FUNCTIONS: Readonly<Record<string, { zh: string; en: string }>> = {
  log: { zh: '取对数', en: 'log' },
  log10: { zh: '取常用对数', en: 'log10' },
  sqrt: { zh: '平方根', en: 'square root' },
  exp: { zh: '指数', en: 'exp' },
};

const choiceLabel = (c: { label: string; labelEn?: string }, lang: Lang) => (lang === 'en' ? c.labelEn ?? c.label : c.label);

/** A larger value of a plain variable in words: an ordered item is "closer to its top answer", a number "higher". */
function higherOf(v: Variable | undefined, words: string, lang: Lang): string {
  const top = v?.ordered && v.choices?.length ? v.choices[v.choices.length - 1] : undefined;
  if (top) return lang === 'zh' ? `“${words}”的回答越接近“${choiceLabel(top, lang)}”` : `answers on "${words}" closer to "${choiceLabel(top, lang)}"`;
  return lang === 'zh' ? `${words}越高` : `higher ${words}`;
}

/**
 * A term of an R-style formula as a reader knows it: a variable by its (short) label, a factor
 * level as 变量：水平 against its reference (the first level, R's default), `log(x)` as x（取对数）,
 * an interaction `a:b` as a × b. The code name shows only when the codebook does not know it.
 */
export function termWords(codebook: Codebook, term: string, lang: Lang): TermWords {
  if (term === '(Intercept)') return { label: lang === 'zh' ? '截距' : 'Intercept', higher: lang === 'zh' ? '截距' : 'intercept', name: lang === 'zh' ? '截距' : 'intercept' };
  if (term.includes(':')) {
    const label = term.split(':').map((part) => termWords(codebook, part, lang).label).join(' × ');
    return { label, higher: lang === 'zh' ? `交互项${label}越大` : `a larger ${label} interaction`, name: label };
  }
  const variable = codebook.variables.find((v) => v.name === term);
  if (variable || codebook.derive.some((d) => d.name === term)) {
    const words = variableWords(codebook, term, lang);
    return { label: words, higher: higherOf(variable, words, lang), name: words };
  }
  const call = /^(\w+)\((\w+)\)$/.exec(term);
  if (call && FUNCTIONS[call[1]]) {
    const words = variableWords(codebook, call[2], lang);
    const label = lang === 'zh' ? `${words}（${FUNCTIONS[call[1]].zh}）` : `${words} (${FUNCTIONS[call[1]].en})`;
    return { label, higher: lang === 'zh' ? `${label}越高` : `higher ${label}`, name: label };
  }
  // A factor's term is R's name + level label (area农村).
  for (const v of codebook.variables) {
    const level = term.startsWith(v.name) ? v.choices?.find((c) => v.name + c.label === term) : undefined;
    if (level && v.choices) {
      const words = variableWords(codebook, v.name, lang);
      const reference = choiceLabel(v.choices[0], lang);
      return {
        label: lang === 'zh' ? `${words}：${choiceLabel(level, lang)}` : `${words}: ${choiceLabel(level, lang)}`,
        higher: lang === 'zh' ? `${choiceLabel(level, lang)}（相对于${reference}）` : `${choiceLabel(level, lang)} (vs ${reference})`,
        name: lang === 'zh' ? `${words}（${choiceLabel(level, lang)}相对于${reference}）` : `${words} (${choiceLabel(level, lang)} vs ${reference})`,
      };
    }
  }
  return { label: term, higher: lang === 'zh' ? `${term}越高` : `higher ${term}`, name: term };
}

/**
 * Where a model's outcome moves, in words: up (a positive coefficient) and down. An ordered outcome
 * moves towards its top or bottom answer, a binary one is more or less likely, a number higher or lower.
 */
export function outcomeWords(codebook: Codebook, outcome: string, lang: Lang, binary: boolean): { name: string; up: string; down: string } {
  const name = termWords(codebook, outcome, lang).label;
  const v = codebook.variables.find((x) => x.name === outcome);
  const choices = v?.ordered ? v.choices : undefined;
  if (binary) return lang === 'zh' ? { name, up: `“${name}”的可能性越大`, down: `“${name}”的可能性越小` } : { name, up: `"${name}" more likely`, down: `"${name}" less likely` };
  if (choices?.length) {
    const top = choiceLabel(choices[choices.length - 1], lang);
    const bottom = choiceLabel(choices[0], lang);
    return lang === 'zh' ? { name, up: `“${name}”越倾向于“${top}”`, down: `“${name}”越倾向于“${bottom}”` } : { name, up: `"${name}" closer to "${top}"`, down: `"${name}" closer to "${bottom}"` };
  }
  return lang === 'zh' ? { name, up: `“${name}”越高`, down: `“${name}”越低` } : { name, up: `higher "${name}"`, down: `lower "${name}"` };
}

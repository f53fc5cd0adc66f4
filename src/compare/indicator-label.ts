import type { Lang } from '../locale/lang.js';
import type { Codebook } from '../core/types.js';
import type { Indicator } from './wave-indicators.js';
import { methodName } from '../locale/method-names.js';
import { termWords } from '../locale/term-words.js';
import { groupWords } from '../locale/variable-words.js';
import { marks } from '../locale/report-marks.js';
import { ownTextIn } from '../locale/bilingual.js';

/** A variable's question text from the codebook (English when asked and given), else its name. */
export function questionLabel(codebook: Codebook | null, name: string, lang: Lang): string {
  const v = codebook?.variables.find((x) => x.name === name);
  const d = codebook?.derive.find((x) => x.name === name);
  return ownTextIn(lang, v?.label ?? d?.label, v?.labelEn ?? d?.labelEn) ?? name;
}

/** The answers a share counts, by their labels (比较幸福/非常幸福), else their codes. */
export function answersLabel(codebook: Codebook | null, ind: Indicator, lang: Lang): string {
  const v = codebook?.variables.find((x) => x.name === ind.variable);
  return (ind.values ?? [])
    .map((code) => {
      const c = v?.choices?.find((x) => String(x.code) === String(code));
      return ownTextIn(lang, c?.label, c?.labelEn) ?? String(code);
    })
    .join('/');
}

/**
 * What an indicator is, in words: the question and the answers counted (`食品安全（比较满意/非常满意）`),
 * the question of a mean, a model term with its model (`医疗费用负担（有序Logistic回归）`; with no
 * codebook, `sat_health_cost（ologit）`), or a scale's α (`生活各方面满意度（Cronbach's α）`).
 */
export function indicatorLabel(codebook: Codebook | null, ind: Indicator, lang: Lang): string {
  const { open, close } = marks(lang);
  if (ind.statistic === 'coefficient') {
    const term = ind.term ?? '';
    return codebook ? `${termWords(codebook, term, lang).label}${open}${methodName('model', ind.model ?? '', lang)}${close}` : `${term}${open}${ind.model}${close}`;
  }
  if (ind.statistic === 'alpha') return `${ind.variable ? (codebook ? groupWords(codebook, ind.variable, lang) : ind.variable) : ind.variables.join(', ')}${open}Cronbach's α${close}`;
  const question = questionLabel(codebook, ind.variable ?? '', lang);
  if (ind.statistic === 'share') return `${question}${open}${answersLabel(codebook, ind, lang)}${close}`;
  return ind.statistic === 'mean' ? question : `${question}${open}${ind.statistic}${close}`;
}

import type { Codebook } from '../core/types.js';
import type { Lang } from './lang.js';

/**
 * A variable as tables and narrative name it: its short label (城乡), else its label (the
 * question text), else its code name — in the language asked for, falling back to the other.
 * @example variableWords(codebook, 'area', 'zh') // '城乡'
 */
export function variableWords(codebook: Codebook, name: string, lang: Lang): string {
  const v = codebook.variables.find((x) => x.name === name) ?? codebook.derive.find((x) => x.name === name);
  if (!v) return name;
  const short = 'shortLabel' in v ? (lang === 'en' ? v.shortLabelEn ?? v.shortLabel : v.shortLabel ?? v.shortLabelEn) : undefined;
  return short ?? (lang === 'en' ? v.labelEn ?? v.label : v.label ?? v.labelEn) ?? name;
}

/**
 * A set of items (a codebook `group`: a grid or a scale) as a reader names it: the codebook's
 * `groups:` label, else the group's code name.
 * @example groupWords(codebook, 'satisfaction', 'zh') // '生活各方面满意度'
 */
export function groupWords(codebook: Codebook, group: string, lang: Lang): string {
  const g = codebook.groups?.[group];
  if (!g) return group;
  return lang === 'en' ? g.labelEn ?? g.label : g.label;
}

import { compareWords } from '../locale/compare-words.js';
import type { Lang } from '../locale/lang.js';
import { marks } from '../locale/report-marks.js';
import type { ComparisonRow } from './compare-waves.js';
import type { CodebookChange } from './diff-codebooks.js';
import type { SettingChange } from './diff-settings.js';

const quote = (s: string | null, lang: Lang) => (s === null ? compareWords(lang).none : marks(lang).quote(s));

/**
 * How a variable is named in a reason: by its code (the CLI and results.json, `sat_transport 题目措辞变化`)
 * or, in a report, by a namer that gives its words (`“交通出行”题目措辞变化`, no space after a Chinese name).
 */
export type VariableNamer = (variable: string) => string;
const byCode: VariableNamer = (variable) => variable;
const subject = (variable: string, name: VariableNamer, lang: Lang) => {
  const named = name(variable);
  return compareWords(lang).subject(named, named === variable);
};

/** A codebook change in words: `sat_transport 题目措辞变化：“公共交通”→“交通出行”`. */
export function describeCodebookChange(c: CodebookChange, lang: Lang, name: VariableNamer = byCode): string {
  const what = `${subject(c.variable, name, lang)}${compareWords(lang).kinds[c.kind]}`;
  const colon = marks(lang).colon;
  if (c.kind === 'added') return `${what}${c.to ? `${colon}${quote(c.to, lang)}` : ''}`;
  if (c.kind === 'removed') return `${what}${c.from ? `${colon}${quote(c.from, lang)}` : ''}`;
  return `${what}${colon}${quote(c.from, lang)} → ${quote(c.to, lang)}`;
}

/** A cleaning or weighting setting that differs, in words: `speeder.median_fraction: 0.25 → 0.333…`. */
export function describeSettingChange(s: SettingChange, lang: Lang, name: VariableNamer = byCode): string {
  const none = compareWords(lang).none;
  // Thresholds such as 1/3 print as 0.3333, not to 16 digits.
  const show = (v: string | null) => (v === null ? none : /^-?\d+\.\d{5,}$/.test(v) ? String(Number(Number(v).toPrecision(4))) : v);
  return `${name(s.setting)}${compareWords(lang).settingSeparator(name(s.setting) === s.setting)}${show(s.from)} → ${show(s.to)}`;
}

/** Why a row is, or is not, comparable: every codebook change on its variables, and what the plan states. */
export function comparabilityReasons(row: ComparisonRow, lang: Lang, name: VariableNamer = byCode): string[] {
  const w = compareWords(lang);
  if (row.comparable === null) return [w.noCodebook];
  const reasons = row.changes.map((c) => describeCodebookChange(c, lang, name) + (c.breaks ? '' : w.changeMatters));
  const spaced = (variable: string) => (name(variable) === variable ? ` ${variable} ` : name(variable));
  for (const r of row.recoded) reasons.push(w.recoded(name(r.variable), spaced(r.variable), row.from, r.codes));
  for (const s of row.stated) reasons.push(w.stated(name(s.variable), spaced(s.variable), s.reason));
  return reasons;
}

import type { Lang } from '../locale/lang.js';
import type { ComparisonRow } from './compare-waves.js';
import type { CodebookChange, CodebookChangeKind } from './diff-codebooks.js';
import type { SettingChange } from './diff-settings.js';

const WORDS: Record<Lang, Record<CodebookChangeKind, string>> = {
  zh: {
    added: '新增题目', removed: '删除题目', reworded: '题目措辞变化', type: '题型变化', order: '选项顺序性变化',
    'choice-added': '新增选项', 'choice-removed': '删除选项', recoded: '选项重新编码', relabelled: '选项标签变化',
    'missing-codes': '缺失值编码变化', range: '取值范围变化', 'skip-logic': '跳答逻辑变化', derived: '派生变量表达式变化',
  },
  en: {
    added: 'question added', removed: 'question removed', reworded: 'question reworded', type: 'question type changed', order: 'answer order changed',
    'choice-added': 'answer added', 'choice-removed': 'answer removed', recoded: 'answer recoded', relabelled: 'answer relabelled',
    'missing-codes': 'missing codes changed', range: 'range changed', 'skip-logic': 'skip logic changed', derived: 'derived expression changed',
  },
};

const quote = (s: string | null, lang: Lang) => (s === null ? (lang === 'zh' ? '（无）' : '(none)') : lang === 'zh' ? `“${s}”` : `"${s}"`);

/**
 * How a variable is named in a reason: by its code (the CLI and results.json, `sat_transport 题目措辞变化`)
 * or, in a report, by a namer that gives its words (`“交通出行”题目措辞变化`, no space after a Chinese name).
 */
export type VariableNamer = (variable: string) => string;
const byCode: VariableNamer = (variable) => variable;
const subject = (variable: string, name: VariableNamer, lang: Lang) => {
  const named = name(variable);
  return named === variable || lang === 'en' ? `${named} ` : named;
};

/** A codebook change in words: `sat_transport 题目措辞变化：“公共交通”→“交通出行”`. */
export function describeCodebookChange(c: CodebookChange, lang: Lang, name: VariableNamer = byCode): string {
  const what = `${subject(c.variable, name, lang)}${WORDS[lang][c.kind]}`;
  if (c.kind === 'added') return `${what}${c.to ? `${lang === 'zh' ? '：' : ': '}${quote(c.to, lang)}` : ''}`;
  if (c.kind === 'removed') return `${what}${c.from ? `${lang === 'zh' ? '：' : ': '}${quote(c.from, lang)}` : ''}`;
  return `${what}${lang === 'zh' ? '：' : ': '}${quote(c.from, lang)} → ${quote(c.to, lang)}`;
}

/** A cleaning or weighting setting that differs, in words: `speeder.median_fraction: 0.25 → 0.333…`. */
export function describeSettingChange(s: SettingChange, lang: Lang, name: VariableNamer = byCode): string {
  const none = lang === 'zh' ? '（无）' : '(none)';
  // Thresholds such as 1/3 print as 0.3333, not to 16 digits.
  const show = (v: string | null) => (v === null ? none : /^-?\d+\.\d{5,}$/.test(v) ? String(Number(Number(v).toPrecision(4))) : v);
  return `${name(s.setting)}${lang === 'zh' && name(s.setting) !== s.setting ? '：' : ': '}${show(s.from)} → ${show(s.to)}`;
}

/** Why a row is, or is not, comparable: every codebook change on its variables, and what the plan states. */
export function comparabilityReasons(row: ComparisonRow, lang: Lang, name: VariableNamer = byCode): string[] {
  if (row.comparable === null) return [lang === 'zh' ? '缺少码本，未检查可比性' : 'no codebook for one wave: comparability not checked'];
  const reasons = row.changes.map((c) => describeCodebookChange(c, lang, name) + (c.breaks ? '' : lang === 'zh' ? '（不影响可比性，请留意）' : ' (does not break comparability; note it)'));
  const spaced = (variable: string) => (name(variable) === variable ? ` ${variable} ` : name(variable));
  for (const r of row.recoded) reasons.push(lang === 'zh' ? `${row.from}的${spaced(r.variable)}按计划的映射重新编码后比较：${r.codes}` : `${name(r.variable)} of ${row.from} recoded by the plan's mapping before comparing: ${r.codes}`);
  for (const s of row.stated) reasons.push(lang === 'zh' ? `计划说明${spaced(s.variable)}可比：${s.reason}` : `the plan states ${name(s.variable)} comparable: ${s.reason}`);
  return reasons;
}

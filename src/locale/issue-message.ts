import type { Codebook, Issue } from '../core/types.js';
import type { Lang } from './lang.js';
import { variableWords } from './variable-words.js';

type Template = (issue: Issue, words: string, codebook: Codebook) => string;

const variableOf = (codebook: Codebook, issue: Issue) => codebook.variables.find((v) => v.name === issue.variable);

/**
 * The Chinese message of each issue rule, from the issue's own fields (row, variable, raw value)
 * and the codebook: the English message the cleaning code writes stays the `--lang en` text.
 */
const ZH: Readonly<Record<string, Template>> = {
  'required-missing': (_, w) => `必答题“${w}”未作答`,
  'out-of-range': (i, w, cb) => {
    const range = variableOf(cb, i)?.range;
    return `${i.rawValue}超出“${w}”的取值范围${range ? `[${range[0]}, ${range[1]}]` : ''}`;
  },
  'unknown-label': (i, w) => `“${i.rawValue}”不是“${w}”的选项`,
  'unknown-code': (i, w) => `编码${i.rawValue}不是“${w}”的选项`,
  constraint: (i, w, cb) => variableOf(cb, i)?.constraintMessage ?? `${i.rawValue}不符合“${w}”的约束条件（${variableOf(cb, i)?.constraint ?? ''}）`,
  'skip-logic': (i, w) => (i.rawValue === '' ? `按跳题逻辑“${w}”应作答，却未作答` : `按跳题逻辑“${w}”不应作答，却有回答`),
  'not-a-number': (i, w) => `“${i.rawValue}”不是数字（${w}）`,
  'bad-duration': (i) => `“${i.rawValue}”不是可识别的答题时长（如136秒、2分3秒）`,
  'bad-datetime': (i) => `“${i.rawValue}”不是可识别的日期时间（如2025/03/14 09:12:44）`,
  'bad-rank': (i, w) => `“${i.rawValue}”不是“${w}”的有效名次`,
  'not-binary': (i, w) => `“${i.rawValue}”不是“${w}”的有效取值（应为0或1）`,
  'replacement-character': () => '单元格含乱码字符（U+FFFD，文本在此前的转换中已损坏），请重新导出数据文件',
  'ragged-row': () => '该行的单元格数与表头不一致，已在行尾补空单元格（--allow-ragged）',
  'unmapped-column': (i) => `列“${i.variable}”未对应码本中的任何题目，已忽略`,
  'missing-variable': (_, w) => `数据中没有码本题目“${w}”的列`,
  'pair-conflict': (i, w) => `“${w}”的选项“${i.rawValue}”与编码的对应有冲突（见按文本与按序号两份导出）`,
};

/**
 * An issue's message in the run's language: a codebook check's `message` / `message_en`, a
 * built-in rule's words in Chinese (see ZH), else the message as the cleaning code wrote it.
 * @example issueMessage({ rule: 'required-missing', variable: 'area', … }, 'zh', codebook) // '必答题“城乡”未作答'
 */
export function issueMessage(issue: Issue, lang: Lang, codebook: Codebook): string {
  const check = codebook.checks.find((c) => c.name === issue.rule);
  if (check) return (lang === 'en' ? check.messageEn ?? check.message : check.message ?? check.messageEn) ?? issue.message;
  const template = lang === 'zh' ? ZH[issue.rule] : undefined;
  return template ? template(issue, variableWords(codebook, issue.variable, lang), codebook) : issue.message;
}

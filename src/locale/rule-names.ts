import type { Lang } from './lang.js';

/**
 * What each cleaning rule is called in a report: the rule's code name (speeder, required-missing)
 * is what rules files, excluded.csv `_reasons` and issues.csv carry; a reader sees these words.
 */
export const RULE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  speeder: { zh: '答题时间过短', en: 'Answered too fast' },
  blank: { zh: '空白问卷', en: 'Blank questionnaire' },
  'break-off': { zh: '中途退出（作答过少）', en: 'Broke off (too few answers)' },
  duplicate: { zh: '重复提交', en: 'Duplicate submission' },
  'duplicate-id': { zh: '编号重复', en: 'Duplicate ID' },
  'near-duplicate': { zh: '近似重复', en: 'Near-duplicate' },
  'straight-lining': { zh: '矩阵题全选同一项', en: 'Straight-lining' },
  'uniform-grid': { zh: '矩阵题答案单一', en: 'Uniform grid answers' },
  'ip-burst': { zh: '同一IP集中提交', en: 'Burst from one IP' },
  'required-missing': { zh: '必答题未答', en: 'Required question unanswered' },
  'out-of-range': { zh: '数值超出范围', en: 'Number out of range' },
  'unknown-label': { zh: '选项无法识别', en: 'Unrecognised answer' },
  'unknown-code': { zh: '选项编码无法识别', en: 'Unrecognised code' },
  constraint: { zh: '不符合取值约束', en: 'Constraint not met' },
  'skip-logic': { zh: '跳题逻辑不符', en: 'Skip logic not followed' },
  'not-a-number': { zh: '不是数字', en: 'Not a number' },
  'bad-duration': { zh: '答题时长格式有误', en: 'Unreadable duration' },
  'bad-datetime': { zh: '日期时间格式有误', en: 'Unreadable date-time' },
  'bad-rank': { zh: '排序题答案有误', en: 'Invalid ranking' },
  'not-binary': { zh: '多选题取值不是0/1', en: 'Multi-choice value not 0/1' },
  'unmapped-column': { zh: '未对应码本的列', en: 'Column not in the codebook' },
  'missing-variable': { zh: '数据中缺少该题', en: 'Question missing from the data' },
  'pair-conflict': { zh: '选项与编码对应冲突', en: 'Label and code disagree' },
  'replacement-character': { zh: '含乱码字符', en: 'Garbled characters' },
  'ragged-row': { zh: '列数不一致', en: 'Wrong number of cells' },
};

/**
 * A cleaning rule as a reader names it: a built-in rule's words, a codebook check's message (its
 * `message` / `message_en`), else the code name itself.
 * @example ruleName('speeder', 'zh') // '答题时间过短'
 */
export function ruleName(rule: string, lang: Lang, checks: readonly { name: string; message?: string; messageEn?: string }[] = []): string {
  const builtIn = RULE_NAMES[rule];
  if (builtIn) return builtIn[lang];
  const check = checks.find((c) => c.name === rule);
  const message = lang === 'en' ? check?.messageEn ?? check?.message : check?.message ?? check?.messageEn;
  return message ?? rule;
}

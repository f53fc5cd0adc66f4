import type { CleanSummary } from '../clean/clean-file.js';
import type { Check } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { ruleName } from '../locale/rule-names.js';
import type { CleaningAudit } from './cleaning-audit.js';
import { formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/**
 * The 发放/回收/有效/有效率 sentence, then two tables that do not mix units: questionnaires
 * (回收 = 剔除 + 有效, the set-aside ones by first reason so that they add up) and cell issues
 * (each rule's count, and how many of them are in valid questionnaires).
 */
export function cleaningSection(s: CleanSummary, distributed: number | null, audit: CleaningAudit, lang: Lang, checks: readonly Check[] = []): ReportBlock[] {
  const zh = lang === 'zh';
  const rate = s.inputRows ? s.keptRows / s.inputRows : Number.NaN;
  const text = zh
    ? `本次调查${distributed === null ? '' : `发放问卷${distributed}份，`}回收${s.inputRows}份，经清洗剔除${s.excludedRows}份，有效问卷${s.keptRows}份，有效率${formatPercent(rate)}。`
    : `${distributed === null ? '' : `${distributed} questionnaires were handed out; `}${s.inputRows} were returned, ${s.excludedRows} set aside in cleaning, ${s.keptRows} valid (${formatPercent(rate)}).`;
  const share = (n: number) => formatPercent(s.inputRows ? n / s.inputRows : Number.NaN);
  const rows: string[][] = [
    ...(distributed === null ? [] : [[zh ? '发放' : 'Handed out', String(distributed), '']]),
    [zh ? '回收' : 'Returned', String(s.inputRows), share(s.inputRows)],
    [zh ? '剔除' : 'Set aside', String(s.excludedRows), share(s.excludedRows)],
    ...audit.excludedBy.map(([reason, n], k) => [`${zh ? (k === 0 ? '\u3000其中：' : '\u3000\u3000\u3000') : '\u2003'}${ruleName(reason, lang, checks)}`, String(n), share(n)]),
    [zh ? '有效' : 'Valid', String(s.keptRows), share(s.keptRows)],
  ];
  const flagged = s.flaggedRows ? (zh ? `有效问卷中${s.flaggedRows}份被标记但保留（clean.csv 的 _flags 列）。` : ` ${s.flaggedRows} valid questionnaires are flagged but kept (clean.csv, column _flags).`) : '';
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text },
    tableBlock(zh ? '数据清洗：问卷回收与剔除' : 'Cleaning: questionnaires returned and set aside', [zh ? '项目' : 'Questionnaires', zh ? '份数' : 'Count', zh ? '占回收' : 'Of returned'], rows, {
      notes: [zh ? `剔除的问卷按首要原因各计一次，合计等于剔除份数；逐份原因见 excluded.csv。${flagged}` : `Each set-aside questionnaire is counted once, under its first reason, so they add up to the total; every reason: excluded.csv.${flagged}`],
    }),
  ];
  if (!audit.issues.length) return blocks;
  const issueRows = audit.issues.map((i) => [ruleName(i.rule, lang, checks), String(i.count), String(i.inKept)]);
  blocks.push(
    tableBlock(zh ? '数据清洗：逐项问题' : 'Cleaning: answer-level issues', [zh ? '规则' : 'Rule', zh ? '问题数' : 'Issues', zh ? '其中在有效问卷中' : 'In valid questionnaires'], issueRows, {
      notes: [zh ? '问题按答案或码本检查计（一份问卷可有多个），有问题的答案置为缺失或仅作提示，逐项见 issues.csv。' : 'Counted per answer (a questionnaire may have several); the answer is set missing or only noted; every issue: issues.csv.'],
    }),
  );
  return blocks;
}
